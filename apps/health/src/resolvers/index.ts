import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit } from './AdministrativeUnit.js';
import { Child } from './Child.js';
import { ChildHealthRecord, HealthServiceContact, Immunisation, Pregnancy } from './ChildHealthRecord.js';
import { GrowthMeasurement } from './GrowthMeasurement.js';
import { HealthStation } from './HealthStation.js';
import { Mutation } from './Mutation.js';
import { TargetProgress } from './TargetProgress.js';

export const resolvers: Resolvers = {
  AdministrativeUnit,
  Child,
  ChildHealthRecord,
  GrowthMeasurement,
  HealthServiceContact,
  HealthStation,
  Immunisation,
  Mutation,
  Pregnancy,
  Query: { healthAuditEvents: (_parent, args, { data }) => data.audit.events(args) },
  TargetProgress,
};
