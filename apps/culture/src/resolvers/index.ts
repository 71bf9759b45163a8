import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit } from './AdministrativeUnit.js';
import { ChildActivity } from './ChildActivity.js';
import { CulturalFacility } from './CulturalFacility.js';
import { Mutation } from './Mutation.js';
import { Outreach } from './Outreach.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = { AdministrativeUnit, ChildActivity, CulturalFacility, Mutation, Outreach, Query };
