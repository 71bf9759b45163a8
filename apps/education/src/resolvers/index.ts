import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit } from './AdministrativeUnit.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { TargetProgress } from './TargetProgress.js';

export const resolvers: Resolvers = { AdministrativeUnit, Mutation, Query, TargetProgress };
