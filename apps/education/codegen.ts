import { subgraphCodegenConfig } from '@ecd/service-kit/codegen';

export default subgraphCodegenConfig({ AdministrativeUnit: '@ecd/service-kit#UnitKey' });
