import { resolveAuditEvents } from '@ecd/database';
import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit } from './AdministrativeUnit.js';
import { Child } from './Child.js';
import { ChildHealthRecord, HealthServiceContact, Immunisation, Pregnancy } from './ChildHealthRecord.js';
import { GrowthMeasurement } from './GrowthMeasurement.js';
import { HealthStation } from './HealthStation.js';
import { createMutation } from './Mutation.js';
import { TargetProgress } from './TargetProgress.js';

export const createResolvers = ({ childKeySecret }: { childKeySecret: string }): Resolvers => ({
  AdministrativeUnit,
  Child,
  ChildHealthRecord,
  GrowthMeasurement,
  HealthServiceContact,
  HealthStation,
  Immunisation,
  Mutation: createMutation(childKeySecret),
  Pregnancy,
  Query: { healthAuditEvents: resolveAuditEvents },
  TargetProgress,
});
