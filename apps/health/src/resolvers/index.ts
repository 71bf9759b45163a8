import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit } from './AdministrativeUnit.js';
import { HealthStation } from './HealthStation.js';

export const resolvers: Resolvers = { AdministrativeUnit, HealthStation };
