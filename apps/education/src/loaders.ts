import { createIndicatorValueLoader, createUnitCountLoader } from '@ecd/database';
import type { PrismaClient } from './generated/prisma/client.js';
import { EDUCATION_COMPUTED } from './computed-indicators.js';

export const createLoaders = (prisma: PrismaClient) => ({
  schoolCountsByLevel: createUnitCountLoader(prisma, 'school', { groupBy: 'level', levels: ['commune', 'district', 'province'] }),
  indicatorValue: createIndicatorValueLoader(prisma, EDUCATION_COMPUTED),
});

export type Loaders = ReturnType<typeof createLoaders>;
