import type DataLoader from 'dataloader';

import {
  communeFigures,
  SEXES,
  type FigureReference,
  type IndicatorValueKey,
  type SectorValue,
  type Sex,
  type SexFigure,
} from './indicator-values.js';

/**
 * A sector's figures in the communes of a progress, carried column by column (the schema's
 * `CommuneFigureColumns`): entry i of every list belongs to the commune `unitCodes[i]`. LĐTBXH @requires
 * these of health and education for a province's fifteen hundred communes; as columns the gateway moves
 * a few lists per target instead of one object (and one copy of the source's text) per commune.
 */
export interface CommuneFigureColumns {
  unitCodes: string[];
  /** Null where the sector has no figure for the commune (then every column of the commune is null). */
  numerators: (number | null)[];
  denominators: (number | null)[];
  /** The distinct sources of the figures, each once. */
  sources: string[];
  /** The index of the commune's source in `sources`. */
  sourceIndexes: (number | null)[];
  reported: (boolean | null)[];
}

/** One sex's figures in the communes, column by column. */
export interface SexFigureColumns {
  sex: Sex;
  numerators: (number | null)[];
  denominators: (number | null)[];
}

/** A sector's figures split by sex in the communes of a progress: one set of columns per sex. */
export interface CommuneSexFigureColumns {
  unitCodes: string[];
  groups: SexFigureColumns[];
}

/** A figure in one commune, as the columns are made from and read back into. */
export interface CommuneFigureRow<F> {
  unitCode: string;
  figure: F | null;
}

export function toColumns(rows: readonly CommuneFigureRow<SectorValue>[]): CommuneFigureColumns {
  const sources = new Map<string, number>();
  const columns: CommuneFigureColumns = {
    unitCodes: [],
    numerators: [],
    denominators: [],
    sources: [],
    sourceIndexes: [],
    reported: [],
  };
  for (const { unitCode, figure } of rows) {
    columns.unitCodes.push(unitCode);
    columns.numerators.push(figure?.numerator ?? null);
    columns.denominators.push(figure?.denominator ?? null);
    columns.reported.push(figure?.reported ?? null);
    if (!figure) {
      columns.sourceIndexes.push(null);
      continue;
    }
    let index = sources.get(figure.source);
    if (index === undefined) {
      index = columns.sources.push(figure.source) - 1;
      sources.set(figure.source, index);
    }
    columns.sourceIndexes.push(index);
  }
  return columns;
}

/** Both sexes are listed, MALE then FEMALE: a commune without a split has null in each. */
export function toSexColumns(rows: readonly CommuneFigureRow<readonly SexFigure[]>[]): CommuneSexFigureColumns {
  return {
    unitCodes: rows.map(({ unitCode }) => unitCode),
    groups: SEXES.map((sex) => {
      const figures = rows.map(({ figure }) => figure?.find((group) => group.sex === sex));
      return {
        sex,
        numerators: figures.map((figure) => figure?.numerator ?? null),
        denominators: figures.map((figure) => figure?.denominator ?? null),
      };
    }),
  };
}

/** Columns that do not line up are a broken caller, not data: nothing is assessed from them. */
function assertAligned(unitCodes: readonly string[], columns: Record<string, readonly unknown[]>): void {
  for (const [name, column] of Object.entries(columns)) {
    if (column.length !== unitCodes.length)
      throw new Error(`commune columns: ${name} has ${column.length} entries for ${unitCodes.length} communes`);
  }
}

export function fromColumns(columns: CommuneFigureColumns): CommuneFigureRow<SectorValue>[] {
  const { unitCodes, numerators, denominators, sources, sourceIndexes, reported } = columns;
  assertAligned(unitCodes, { numerators, denominators, sourceIndexes, reported });
  return unitCodes.map((unitCode, i) => {
    const numerator = numerators[i];
    if (numerator === null || numerator === undefined) return { unitCode, figure: null };
    const source = sources[sourceIndexes[i] ?? -1];
    if (source === undefined) throw new Error(`commune columns: commune ${unitCode} has no source`);
    return {
      unitCode,
      figure: { numerator, denominator: denominators[i] ?? null, source, reported: reported[i] ?? false },
    };
  });
}

export function fromSexColumns(columns: CommuneSexFigureColumns): CommuneFigureRow<SexFigure[]>[] {
  const { unitCodes, groups } = columns;
  for (const group of groups)
    assertAligned(unitCodes, {
      [`${group.sex} numerators`]: group.numerators,
      [`${group.sex} denominators`]: group.denominators,
    });
  return unitCodes.map((unitCode, i) => {
    const figure = groups.flatMap(({ sex, numerators, denominators }) => {
      const numerator = numerators[i];
      return numerator === null || numerator === undefined
        ? []
        : [{ sex, numerator, denominator: denominators[i] ?? 0 }];
    });
    return { unitCode, figure: figure.length ? figure : null };
  });
}

/** A progress's commune figures (null without `byCommune`) as columns, through the loader of its unit's figure. */
export async function communeFigureColumns(
  loader: DataLoader<IndicatorValueKey, SectorValue | null, string>,
  progress: FigureReference,
): Promise<CommuneFigureColumns | null> {
  const rows = await communeFigures(loader, progress);
  return rows && toColumns(rows);
}

/** The same split by sex. */
export async function communeSexFigureColumns(
  loader: DataLoader<IndicatorValueKey, SexFigure[] | null, string>,
  progress: FigureReference,
): Promise<CommuneSexFigureColumns | null> {
  const rows = await communeFigures(loader, progress);
  return rows && toSexColumns(rows);
}
