import { resolveAuditEvents } from '@ecd/database';
import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit } from './AdministrativeUnit.js';
import { Mutation } from './Mutation.js';
import { ChildActivity, CulturalFacility, Outreach } from './records.js';

export const resolvers: Resolvers = { AdministrativeUnit, ChildActivity, CulturalFacility, Mutation, Query: { cultureAuditEvents: resolveAuditEvents }, Outreach };
