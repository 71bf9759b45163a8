import { subgraphCodegenConfig } from '@ecd/service-kit/codegen';

export default subgraphCodegenConfig({
  AdministrativeUnit: '../generated/prisma/client.js#AdministrativeUnit',
  Plan: '../generated/prisma/client.js#Plan',
});
