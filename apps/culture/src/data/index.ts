import { auditData } from '@ecd/database';

import type { PrismaClient } from '../generated/prisma/client.js';
import { activityData } from './activities.js';
import { facilityData } from './facilities.js';
import { facilityImportData } from './facility-import.js';
import { outreachData } from './outreach.js';
import { unitFigureData, unitFigureLoaders } from './unit-figures.js';

/** The culture subgraph's data layer for one request: its DataLoaders cache for that request only. */
export function createDataLayer(prisma: PrismaClient) {
  const figures = unitFigureLoaders(prisma);
  return {
    unitFigures: unitFigureData(figures),
    facilities: facilityData(prisma, figures),
    facilityImports: facilityImportData(prisma),
    activities: activityData(prisma),
    outreach: outreachData(prisma),
    audit: auditData(prisma),
  };
}

export type DataLayer = ReturnType<typeof createDataLayer>;
