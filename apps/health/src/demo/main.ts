import { closeOnSignals } from '@ecd/service-kit';

import { loadEnv } from '../env.js';
import { startHealthSubgraph } from '../server.js';
import { seedDemo } from './seed.js';

/** The demo: the health subgraph with the demo province's stations, children and records seeded (once). */
const service = await startHealthSubgraph(loadEnv(), { seedDemo });
closeOnSignals(service, service.logger);
