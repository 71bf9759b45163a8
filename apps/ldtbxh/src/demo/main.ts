import { closeOnSignals } from '@ecd/service-kit';

import { loadEnv } from '../env.js';
import { startLdtbxhSubgraph } from '../server.js';
import { seedDemo } from './seed.js';

/** The LĐTBXH subgraph with the demo's plans, figures and records (seeded once, idempotently). */
const service = await startLdtbxhSubgraph(loadEnv(), { seedDemo });
closeOnSignals(service, service.logger);
