import { subgraphCodegenConfig } from '@ecd/service-kit/codegen';

export default subgraphCodegenConfig({
  AdministrativeUnit: '@ecd/service-kit#UnitKey',
  CulturalFacility: '../generated/prisma/client.js#CulturalFacility',
  ChildActivity: '../generated/prisma/client.js#ChildActivity',
  Outreach: '../generated/prisma/client.js#Outreach',
});
