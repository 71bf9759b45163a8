import { closeOnSignals } from '@ecd/service-kit';

import { startGateway } from './server.js';

const gateway = await startGateway();
closeOnSignals(gateway, gateway.logger);
