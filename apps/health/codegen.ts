import { subgraphCodegenConfig } from '@ecd/service-kit/codegen';

export default subgraphCodegenConfig({
  AdministrativeUnit: '@ecd/database#UnitKey',
  HealthStation: '../generated/prisma/client.js#HealthStation',
  GrowthMeasurement: '../generated/prisma/client.js#GrowthMeasurement',
});
