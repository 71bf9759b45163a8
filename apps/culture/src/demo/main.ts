/** The demo entry point: the culture subgraph seeded with the demo province's records (`npm start` runs it). */
import { closeOnSignals } from '@ecd/service-kit';

import { loadEnv, startCultureSubgraph } from '../server.js';
import { seedDemo } from './seed.js';

const service = await startCultureSubgraph(loadEnv(), { seedDemo });
closeOnSignals(service, service.logger);
