import { createUnitCountLoader } from '@ecd/database';
import type { PrismaClient } from './generated/prisma/client.js';

export const createLoaders = (prisma: PrismaClient) => ({
  facilityCountsByChildService: createUnitCountLoader(prisma, 'cultural_facility', { groupBy: 'serves_children' }),
});

export type Loaders = ReturnType<typeof createLoaders>;
