import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit } from './AdministrativeUnit.js';

export const resolvers: Resolvers = { AdministrativeUnit };
