import { closeOnSignals } from '@ecd/service-kit';

import { startLdtbxhSubgraph } from './server.js';

const service = await startLdtbxhSubgraph();
closeOnSignals(service, service.logger);
