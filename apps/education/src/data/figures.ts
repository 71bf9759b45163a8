import {
  createIndicatorValueLoader,
  createSexFigureLoader,
  earlierFigures,
  figureKeyOf,
  recordIndicatorValue,
  type FigureReference,
  type IndicatorValueInput,
} from '@ecd/database';
import { indicatorsOwnedBy } from '@ecd/reference-data';
import type { ScopeGuard } from '@ecd/service-kit';

import type { PrismaClient } from '../generated/prisma/client.js';
import { EDUCATION_COMPUTED } from './computed-indicators.js';

/** Education's figures for plan targets: computed from its records or reported in aggregate, every figure of a request in one statement. */
export function figureData(prisma: PrismaClient) {
  const values = createIndicatorValueLoader(prisma, EDUCATION_COMPUTED);
  const valuesBySex = createSexFigureLoader(prisma, EDUCATION_COMPUTED);
  return {
    /** Education's figure for a target's indicator, unit and year, or null. */
    of: (progress: FigureReference) => values.load(figureKeyOf(progress)),
    /** The same figure by the child's sex, for the indicators computed over children counted by sex; null otherwise. */
    bySexOf: (progress: FigureReference) => valuesBySex.load(figureKeyOf(progress)),
    /** Its figures for the same indicator and unit in the earlier years (for the target's baseline). */
    earlierOf: (progress: FigureReference) => earlierFigures(values, progress),
    /** Records a figure reported in aggregate for an indicator education owns and does not compute. */
    async record(input: IndicatorValueInput, actor: string, scope: ScopeGuard) {
      const { id } = await recordIndicatorValue(prisma, input, {
        ownedIndicators: indicatorsOwnedBy('EDUCATION'),
        computed: EDUCATION_COMPUTED,
        actor,
        scope,
      });
      return { id, ...input, denominator: input.denominator ?? null };
    },
  };
}
