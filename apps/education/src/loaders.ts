import { createIndicatorValueLoader, createUnitCountLoader } from '@ecd/database';
import type { PrismaClient } from './generated/prisma/client.js';

export const createLoaders = (prisma: PrismaClient) => ({
  schoolCountsByLevel: createUnitCountLoader(prisma, 'school', { groupBy: 'level' }),
  indicatorValue: createIndicatorValueLoader(prisma),
});

export type Loaders = ReturnType<typeof createLoaders>;
