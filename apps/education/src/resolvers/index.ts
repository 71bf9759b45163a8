import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit } from './AdministrativeUnit.js';
import { TargetProgress } from './TargetProgress.js';

export const resolvers: Resolvers = { AdministrativeUnit, TargetProgress };
