import { closeOnSignals } from '@ecd/service-kit';

import { startEducationSubgraph } from './server.js';

const service = await startEducationSubgraph();
closeOnSignals(service, service.logger);
