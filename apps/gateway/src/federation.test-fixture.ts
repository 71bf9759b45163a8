import { loadEnv as cultureEnv, startCultureSubgraph } from '@ecd/culture-subgraph';
import { seedDemo as cultureDemo } from '@ecd/culture-subgraph/demo';
import { loadEnv as educationEnv, startEducationSubgraph } from '@ecd/education-subgraph';
import { seedDemo as educationDemo } from '@ecd/education-subgraph/demo';
import { loadEnv as healthEnv, startHealthSubgraph } from '@ecd/health-subgraph';
import { seedDemo as healthDemo } from '@ecd/health-subgraph/demo';
import { loadEnv as ldtbxhEnv, startLdtbxhSubgraph } from '@ecd/ldtbxh-subgraph';
import { seedDemo as ldtbxhDemo } from '@ecd/ldtbxh-subgraph/demo';
import { gatewayTestEnv, startFederation, type GatewayStarter, type SubgraphStarter } from '@ecd/test-kit';

import { loadEnv } from './env.js';
import { startGateway } from './server.js';

/** The four sector subgraphs, each started in-process on its own fresh database, with the demo data or without. */
export const sectorSubgraphs = ({ demo }: { demo: boolean }): Record<string, SubgraphStarter> => ({
  ldtbxh: (env) => startLdtbxhSubgraph(ldtbxhEnv(env), demo ? { seedDemo: ldtbxhDemo } : {}),
  health: (env) => startHealthSubgraph(healthEnv(env), demo ? { seedDemo: healthDemo } : {}),
  education: (env) => startEducationSubgraph(educationEnv(env), demo ? { seedDemo: educationDemo } : {}),
  culture: (env) => startCultureSubgraph(cultureEnv(env), demo ? { seedDemo: cultureDemo } : {}),
});

/** The gateway as the tests start it: a free port, the test kit's keys. */
export const testGateway: GatewayStarter = (subgraphUrls) =>
  startGateway({ env: loadEnv(gatewayTestEnv()), subgraphUrls });

/** The whole federation for a gateway test, with the demo data unless told otherwise. */
export const startTestFederation = (options: { seedDemo?: boolean; gateway?: GatewayStarter } = {}) =>
  startFederation({
    subgraphs: sectorSubgraphs({ demo: options.seedDemo !== false }),
    gateway: options.gateway ?? testGateway,
  });
