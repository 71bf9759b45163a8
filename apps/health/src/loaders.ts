import { createUnitCountLoader } from '@ecd/database';
import type { PrismaClient } from './generated/prisma/client.js';

export const createLoaders = (prisma: PrismaClient) => ({
  stationCount: createUnitCountLoader(prisma, 'health_station'),
});

export type Loaders = ReturnType<typeof createLoaders>;
