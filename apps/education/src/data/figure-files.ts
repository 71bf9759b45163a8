import { importIndicatorValues, indicatorTemplate, type FigureFiles } from '@ecd/database';
import { indicatorsOwnedBy } from '@ecd/reference-data';

import type { PrismaClient } from '../generated/prisma/client.js';
import { EDUCATION_COMPUTED } from './computed-indicators.js';

/** Education's aggregate figures as files: the Excel template (empty, or filled with the figures held) and the import, with the rules of recordEducationIndicatorValue. */
export function figureFileData(prisma: PrismaClient): FigureFiles {
  return {
    importValues: (upload, importer) =>
      importIndicatorValues(prisma, upload, {
        sector: 'EDUCATION',
        rules: { ownedIndicators: indicatorsOwnedBy('EDUCATION'), computed: EDUCATION_COMPUTED },
        importer,
      }),
    template: (unitCode, year, { filled = false } = {}) =>
      indicatorTemplate({
        sector: 'EDUCATION',
        sectorLabel: 'Giáo dục và Đào tạo',
        unitCode,
        year,
        computed: new Set(Object.keys(EDUCATION_COMPUTED)),
        filledFrom: filled ? prisma : undefined,
      }),
  };
}
