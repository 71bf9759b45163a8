import { importIndicatorValues, indicatorTemplate, type FigureFiles } from '@ecd/database';

import type { PrismaClient } from '../generated/prisma/client.js';
import { SOCIAL_AFFAIRS_COMPUTED } from './computed-indicators.js';
import type { RegistryData } from './registry.js';

/** LĐTBXH's aggregate figures as files: the Excel template (empty, or filled with the figures held) and the import, with the rules of recordSocialAffairsIndicatorValue. */
export function figureFileData(prisma: PrismaClient, { registry }: { registry: RegistryData }): FigureFiles {
  return {
    importValues: async (upload, importer) =>
      importIndicatorValues(prisma, upload, {
        sector: 'SOCIAL_AFFAIRS',
        rules: {
          ownedIndicators: await registry.ownedIndicatorCodes('SOCIAL_AFFAIRS'),
          computed: SOCIAL_AFFAIRS_COMPUTED,
        },
        importer,
      }),
    template: (unitCode, year, { filled = false } = {}) =>
      indicatorTemplate({
        sector: 'SOCIAL_AFFAIRS',
        sectorLabel: 'Lao động - Thương binh và Xã hội',
        unitCode,
        year,
        computed: new Set(Object.keys(SOCIAL_AFFAIRS_COMPUTED)),
        filledFrom: filled ? prisma : undefined,
      }),
  };
}
