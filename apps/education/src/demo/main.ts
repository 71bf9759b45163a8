/** The demo entry point: the education subgraph seeded with the demo records (`npm start` runs it). */
import { closeOnSignals } from '@ecd/service-kit';

import { loadEnv, startEducationSubgraph } from '../server.js';
import { seedDemo } from './seed.js';

const service = await startEducationSubgraph(loadEnv(), { seedDemo });
closeOnSignals(service, service.logger);
