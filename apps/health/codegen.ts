import { subgraphCodegenConfig } from '@ecd/service-kit/codegen';

export default subgraphCodegenConfig({
  AdministrativeUnit: '@ecd/service-kit#UnitKey',
  HealthStation: '../generated/prisma/client.js#HealthStation',
  GrowthMeasurement: '../generated/prisma/client.js#GrowthMeasurement',
  Child: '../data/children.js#ChildReference',
  ChildHealthRecord: '../generated/prisma/client.js#ChildRecord',
  Immunisation: '../generated/prisma/client.js#Immunisation',
  HealthServiceContact: '../generated/prisma/client.js#HealthServiceContact',
  Pregnancy: '../generated/prisma/client.js#Pregnancy',
  AntenatalVisit: '../generated/prisma/client.js#AntenatalVisit',
});
