import { startCultureSubgraph, loadEnv as cultureEnv } from '@ecd/culture-subgraph';
import { startEducationSubgraph, loadEnv as educationEnv } from '@ecd/education-subgraph';
import { startHealthSubgraph, loadEnv as healthEnv } from '@ecd/health-subgraph';
import { startLdtbxhSubgraph, loadEnv as ldtbxhEnv } from '@ecd/ldtbxh-subgraph';
import { gatewayTestEnv, startFederation, type GatewayStarter, type SubgraphStarter } from '@ecd/test-kit';
import { loadEnv } from './env.js';
import { startGateway } from './server.js';

/** The four sector subgraphs, each started in-process on its own fresh database. */
export const SECTOR_SUBGRAPHS: Record<string, SubgraphStarter> = {
  ldtbxh: (env) => startLdtbxhSubgraph(ldtbxhEnv(env)),
  health: (env) => startHealthSubgraph(healthEnv(env)),
  education: (env) => startEducationSubgraph(educationEnv(env)),
  culture: (env) => startCultureSubgraph(cultureEnv(env)),
};

/** The gateway as the tests start it: a free port, the test kit's keys. */
export const testGateway: GatewayStarter = (subgraphUrls) => startGateway({ env: loadEnv(gatewayTestEnv()), subgraphUrls });

/** The whole federation for a gateway test, with the demo data unless told otherwise. */
export const startTestFederation = (options: { seedDemo?: boolean; gateway?: GatewayStarter } = {}) =>
  startFederation({ env: options.seedDemo === false ? {} : { SEED_DEMO: 'true' }, subgraphs: SECTOR_SUBGRAPHS, gateway: options.gateway ?? testGateway });
