import { auditData, type SharedData } from '@ecd/database';

import type { PrismaClient } from '../generated/prisma/client.js';
import { antenatalData } from './antenatal.js';
import { childData } from './children.js';
import { figureData } from './figures.js';
import { growthImportData } from './growth-import.js';
import { growthData } from './growth.js';
import { immunisationData } from './immunisation.js';
import { stationData } from './stations.js';

/** The key of an AdministrativeUnit entity as the gateway represents it, as the data layer's loaders take it. */

export interface DataLayerOptions extends SharedData {
  /** The secret every sector derives a child's federation key from its personal number with. */
  childKeySecret: string;
}

/**
 * Health's data layer for one request: every feature's reads (batched by DataLoaders made for this
 * request, so they cache per request) and writes (access checked before anything is written).
 */
export function createDataLayer(
  prisma: PrismaClient,
  { childKeySecret, figureCache, figureReader, bulk }: DataLayerOptions,
) {
  const immunisations = immunisationData(prisma);
  const growth = growthData(prisma);
  return {
    children: childData(prisma, { childKeySecret, immunisations, growth }),
    immunisations,
    growth,
    growthImports: growthImportData(prisma, bulk),
    antenatal: antenatalData(prisma),
    stations: stationData(prisma),
    figures: figureData(figureReader, figureCache),
    audit: auditData(prisma),
  };
}

export type DataLayer = ReturnType<typeof createDataLayer>;
