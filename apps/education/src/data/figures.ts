import {
  communeFigureColumns,
  communeSexFigureColumns,
  createFigureLoaders,
  earlierFigures,
  figureKeyOf,
  recordIndicatorValue,
  type FigureCache,
  type FigureReference,
  type IndicatorValueInput,
  type SqlQueryable,
} from '@ecd/database';
import { indicatorsOwnedBy } from '@ecd/reference-data';
import type { ScopeGuard } from '@ecd/service-kit';

import type { PrismaClient } from '../generated/prisma/client.js';
import { EDUCATION_COMPUTED } from './computed-indicators.js';

const EDUCATION_INDICATORS = indicatorsOwnedBy('EDUCATION');

/** Education's figures for plan targets: computed from its records or reported in aggregate, every figure of a request in one statement. */
export function figureData(prisma: PrismaClient, reader: SqlQueryable, cache: FigureCache | undefined) {
  const owned = (progress: FigureReference) => EDUCATION_INDICATORS.has(progress.indicatorCode);
  const { values, bySex: valuesBySex } = createFigureLoaders(reader, EDUCATION_COMPUTED, { cache });
  return {
    /** Education's figure for a target's indicator, unit and year, or null (always for an indicator it does not own). */
    of: (progress: FigureReference) => (owned(progress) ? values.load(figureKeyOf(progress)) : null),
    /** The same figure by the child's sex, for the indicators computed over children counted by sex; null otherwise. */
    bySexOf: (progress: FigureReference) => (owned(progress) ? valuesBySex.load(figureKeyOf(progress)) : null),
    /** Its figures for the same indicator and unit in the earlier years (for the target's baseline). */
    earlierOf: (progress: FigureReference) => (owned(progress) ? earlierFigures(values, progress) : null),
    /** With `byCommune`, the figure in each commune of the unit, batched with the rest, as columns. */
    communesOf: (progress: FigureReference) => (owned(progress) ? communeFigureColumns(values, progress) : null),
    /** The same by sex. */
    communesBySexOf: (progress: FigureReference) =>
      owned(progress) ? communeSexFigureColumns(valuesBySex, progress) : null,
    /** Records a figure reported in aggregate for an indicator education owns and does not compute. */
    async record(input: IndicatorValueInput, actor: string, scope: ScopeGuard) {
      return recordIndicatorValue(prisma, input, {
        ownedIndicators: EDUCATION_INDICATORS,
        computed: EDUCATION_COMPUTED,
        actor,
        scope,
      });
    },
  };
}
