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

/** A numeric target of a test plan: one milestone in 2025. */
export interface TestTarget {
  code: string;
  description: string;
  indicator: string;
  milestones: { year: number; comparator: string; value: number }[];
}

/**
 * A plan document a province would import (a test document, not a seed plan): Lạng Sơn's People's
 * Committee, 2025-2030, under the national scheme, with the given targets.
 */
export const langSonTestPlan = (key: string, title: string, targets: TestTarget[]) => ({
  key,
  number: null,
  title,
  issuedOn: '2025-07-15',
  issuer: 'UBND-20',
  level: 'PROVINCIAL',
  parent: 'qd-1437-2018',
  scope: { unit: '20', asOf: '2025-07-15' },
  period: { start: 2025, end: 2030 },
  targets,
});
