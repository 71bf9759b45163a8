import { closeOnSignals } from '@ecd/service-kit';

import { startHealthSubgraph } from './server.js';

const service = await startHealthSubgraph();
closeOnSignals(service, service.logger);
