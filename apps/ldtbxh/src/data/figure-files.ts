import { sectorFigureFiles, type FigureFiles } from '@ecd/database';

import type { PrismaClient } from '../generated/prisma/client.js';
import { SOCIAL_AFFAIRS_COMPUTED } from './computed-indicators.js';
import type { RegistryData } from './registry.js';

/** LĐTBXH's aggregate figures as files: the Excel template (empty, or filled with the figures held) and the import, with the rules of recordSocialAffairsIndicatorValue. */
export function figureFileData(prisma: PrismaClient, { registry }: { registry: RegistryData }): FigureFiles {
  return sectorFigureFiles(prisma, {
    sector: 'SOCIAL_AFFAIRS',
    sectorLabel: 'Lao động - Thương binh và Xã hội',
    computed: SOCIAL_AFFAIRS_COMPUTED,
    // LĐTBXH reads the indicators it owns from its own database (its registry), at each import.
    ownedIndicators: () => registry.ownedIndicatorCodes('SOCIAL_AFFAIRS'),
  });
}
