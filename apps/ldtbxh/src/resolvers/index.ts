import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit } from './AdministrativeUnit.js';
import { Plan } from './Plan.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = { Query, AdministrativeUnit, Plan };
