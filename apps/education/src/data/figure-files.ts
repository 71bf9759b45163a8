import { sectorFigureFiles, type FigureFiles } from '@ecd/database';
import { indicatorsOwnedBy } from '@ecd/reference-data';

import type { PrismaClient } from '../generated/prisma/client.js';
import { EDUCATION_COMPUTED } from './computed-indicators.js';

/** Education's aggregate figures as files: the Excel template (empty, or filled with the figures held) and the import, with the rules of recordEducationIndicatorValue. */
export function figureFileData(prisma: PrismaClient): FigureFiles {
  return sectorFigureFiles(prisma, {
    sector: 'EDUCATION',
    sectorLabel: 'Giáo dục và Đào tạo',
    computed: EDUCATION_COMPUTED,
    ownedIndicators: () => indicatorsOwnedBy('EDUCATION'),
  });
}
