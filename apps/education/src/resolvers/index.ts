import { resolveAuditEvents } from '@ecd/database';
import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit } from './AdministrativeUnit.js';
import { Mutation } from './Mutation.js';
import { TargetProgress } from './TargetProgress.js';

export const resolvers: Resolvers = { AdministrativeUnit, Mutation, Query: { educationAuditEvents: resolveAuditEvents }, TargetProgress };
