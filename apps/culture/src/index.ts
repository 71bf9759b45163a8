import { closeOnSignals } from '@ecd/service-kit';

import { startCultureSubgraph } from './server.js';

const service = await startCultureSubgraph();
closeOnSignals(service, service.logger);
