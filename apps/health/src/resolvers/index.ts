import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit } from './AdministrativeUnit.js';
import { GrowthMeasurement } from './GrowthMeasurement.js';
import { HealthStation } from './HealthStation.js';
import { Mutation } from './Mutation.js';

export const resolvers: Resolvers = { AdministrativeUnit, GrowthMeasurement, HealthStation, Mutation };
