import DataLoader from 'dataloader';
import { z } from 'zod';

import {
  locateUnit,
  territoryCommunes,
  territoryCover,
  unitListFor,
  type UnitLevelLocation,
  type UnitRef,
} from '@ecd/reference-data';
import {
  figureNumberProblems,
  FIRST_YEAR,
  MAX_SOURCE_LENGTH,
  problem,
  rejectInput,
  textProblems,
  unitKeyFromReference,
  unitKeyString,
  type InputProblem,
  type Reason,
  type ScopeGuard,
  type UnitKey,
} from '@ecd/service-kit';

import { cachedBatch, type FigureCache } from './figure-cache.js';
import {
  arrayLiteral,
  column,
  empty,
  identifier,
  join,
  queryRows,
  sql,
  type Sql,
  type SqlQueryable,
} from './typed-sql.js';
import { levelsOfCodes, type LocationLevel } from './unit-rollup.js';

/** One figure a sector is asked for: an indicator in a unit (any level) in a year. */
export interface IndicatorValueKey {
  indicatorCode: string;
  year: number;
  unit: UnitKey;
}

/**
 * A TargetProgress entity as the gateway hands it to a sector: the indicator, year and unit of a figure,
 * and whether the figures of the unit's communes are asked with it (one entity per target, not per commune).
 */
export interface FigureReference {
  indicatorCode: string;
  year: number;
  unitCode: string;
  unitValidFrom: Date | string;
  byCommune?: boolean | null;
}

/** The figure a TargetProgress entity asks of its sector's indicator value loader. */
export const figureKeyOf = (progress: FigureReference): IndicatorValueKey => ({
  indicatorCode: progress.indicatorCode,
  year: progress.year,
  unit: unitKeyFromReference({ code: progress.unitCode, validFrom: progress.unitValidFrom }),
});

/** What the sector holds for it: sums over its records or recorded values, never averaged percentages. */
export interface SectorValue {
  numerator: number;
  denominator: number | null;
  source: string;
  /** True for a figure reported in aggregate, false for one the sector computed from its records. */
  reported: boolean;
}

export type Sex = 'MALE' | 'FEMALE';
/** The order the splits by sex list the groups in. */
export const SEXES = ['MALE', 'FEMALE'] as const satisfies readonly Sex[];

export interface SexFigure {
  sex: Sex;
  numerator: number;
  denominator: number;
}

/**
 * An indicator a sector computes from its own records. `sql(keys)` is a SELECT giving
 * `(i, numerator, denominator, source)` per requested key of this indicator: `keys` is a relation to
 * use as sql`FROM ${keys} k`, with columns `i, indicator, year, code, valid_from`; join the sector's
 * table as sql`${figureRows('table')} t ON … AND ${atUnit('t')}` to match its rows to the requested unit
 * at any level. Sum numerators and denominators
 * (a commune's figure and its province's come from the same rows); a unit without rows gives no row.
 */
export interface ComputedIndicator {
  sql: (keys: Sql) => Sql;
  /**
   * The same figure split by the child's sex, where the records carry it: `(i, sex, numerator,
   * denominator)` per requested key and sex.
   */
  bySexSql?: (keys: Sql) => Sql;
  /**
   * Set where every row the figure counts carries the child's sex, so that the figure is the sum of its
   * split, with the figure's source: a request asking both (a province's progress split by sex) reads the
   * rows once, in `bySexSql` grouped by key and by key and sex, instead of once per statement.
   */
  wholeFromSplit?: { source: string };
}
export type ComputedIndicators = Readonly<Record<string, ComputedIndicator>>;

export const figureKeyString = (key: IndicatorValueKey) =>
  `${key.indicatorCode}|${key.year}|${unitKeyString(key.unit)}`;

/**
 * The rows of a located table once per level they lie in (`located_code`, `located_valid_from`: their
 * commune, district and province), so that `atUnit` matches a requested unit of any level with an
 * equality the planner can hash: an OR across the levels made PostgreSQL compare every key with every
 * row. Codes of different levels never collide (communes have 5 digits, districts 3, provinces 2).
 */
export const locatedRows = (
  table: string,
  levels: readonly LocationLevel[] = ['commune', 'district', 'province'],
  where: Sql = empty,
): Sql =>
  sql`(${join(
    levels.map(
      (level) =>
        sql`SELECT r.*, ${column('r', `${level}_code`)} AS located_code, ${column('r', `${level}_valid_from`)} AS located_valid_from
              FROM ${identifier(table)} r WHERE ${column('r', `${level}_code`)} IS NOT NULL${where}`,
    ),
    ' UNION ALL ',
  )})`;

/** The CTE of a figure statement listing the provinces (code, valid_from) its keys' grounds lie in. */
const KEY_PROVINCES = 'k_province';

/** The CTE `k_province` that a statement reading `figureRows` defines: the provinces of its keys' grounds. */
export const keyProvincesCte = (provinces: readonly UnitRef[]): Sql =>
  sql`${identifier(KEY_PROVINCES)} AS (SELECT * FROM unnest(${arrayLiteral(provinces.map((p) => p.code))}::text[],
                                                  ${arrayLiteral(provinces.map((p) => p.validFrom))}::date[]) AS p(code, valid_from))`;

/**
 * `locatedRows` in a figure statement: only the rows located in the provinces of its keys' grounds
 * (`k_province`), which the located tables' province index finds. A sector's database holds every
 * province that reports: scanned whole, each province's rows were hashed against one province's keys
 * (health's statement for the bench plan, with twenty more provinces' totals beside it: 102 ms, 8 ms
 * with this). The codes and days are each one array PostgreSQL computes once, a superset of the pairs
 * that the join to the keys then matches exactly: as a semi-join on the pairs, every row was hashed
 * (2.5 ms more per statement for the bench's one province, 0.3-1.5 ms this way).
 */
export const figureRows = (table: string, levels?: readonly LocationLevel[]): Sql =>
  locatedRows(table, levels, sql` AND ${inKeyProvinces('r')}`);

/** A row (alias `alias`) lies in one of the provinces of the statement's keys (`figureRows`). */
const inKeyProvinces = (alias: string): Sql => {
  const provinces = identifier(KEY_PROVINCES);
  return sql`${column(alias, 'province_code')} = ANY(ARRAY(SELECT p.code FROM ${provinces} p))
         AND ${column(alias, 'province_valid_from')} = ANY(ARRAY(SELECT p.valid_from FROM ${provinces} p))`;
};

/** A row of `locatedRows` (alias `alias`) lies in the requested unit `k`. */
export const atUnit = (alias: string): Sql =>
  sql`${column(alias, 'located_code')} = k.code AND ${column(alias, 'located_valid_from')} = k.valid_from`;

/** Which figures of a key a batch asks (`asked`, a bit each): the whole, the split by sex. */
const WHOLE = 1;
const SPLIT = 2;

/** A unit of a key's ground: `ground` numbers the distinct grounds of a batch. */
interface GroundUnit {
  ground: number;
  code: string;
  validFrom: string;
  atYearEnd: boolean;
}

/**
 * The keys of a figure batch (`figureKeyBatchCte`) and the distinct grounds they stand on, which the statement joins: a
 * province's keys of three indicators, with their communes and earlier years, share their grounds (522
 * keys on 717 units, which made 2,187 rows of six columns). PostgreSQL now binds and unnests 40 % of the
 * array text it did, and each statement takes 0.7-0.8 ms less.
 */
function figureKeyBatch(keys: readonly IndicatorValueKey[], asked: readonly number[]) {
  const groundIds = new Map<string, number>();
  const units: GroundUnit[] = [];
  const provinces = new Map<string, UnitRef>();
  const grounds = keys.map((key) => {
    const yearEnd = unitListFor(`${key.year}-12-31`).id;
    // The cover depends on the unit and on whether the year is before the reform; `at_year_end` on the year's list.
    const id = `${unitKeyString(key.unit)}|${yearEnd}`;
    let ground = groundIds.get(id);
    if (ground === undefined) {
      ground = groundIds.size;
      groundIds.set(id, ground);
      // A unit of neither list has no cover, no province, and no rows: records are located in official units.
      const cover = territoryCover(key.unit, key.year);
      for (const unit of cover?.units ?? [{ ...key.unit, list: yearEnd }])
        units.push({ ground, code: unit.code, validFrom: unit.validFrom, atYearEnd: unit.list === yearEnd });
      for (const province of cover?.provinces ?? []) provinces.set(unitKeyString(province), province);
    }
    return ground;
  });
  return { keys, asked, grounds, units, provinces: [...provinces.values()] };
}

/**
 * A batch of figure keys as the CTE `k(i, indicator, year, code, valid_from, at_year_end, asked)`, `i` being
 * each key's index in the batch. A unit stands for its ground across the 2025 reform: one row per unit of
 * its territory cover (itself, and the units of the other list attributed to it), so that records located
 * in the units of either list count, each once, and a query summing per `i` gives the figure of the whole
 * ground. `at_year_end` marks the rows of the list valid at the end of the year, for figures that count
 * units rather than records (a unit's communes in that year). `asked` says which figures of the key the
 * batch asks: `WHOLE`, `SPLIT` (by sex) or both. Before it, `k_province(code, valid_from)`: the provinces the
 * grounds lie in, to which `figureRows` keeps the rows read.
 */
const figureKeyBatchCte = ({ keys, asked, grounds, units, provinces }: ReturnType<typeof figureKeyBatch>): Sql =>
  sql`${keyProvincesCte(provinces)},
      k AS (SELECT k.i, k.indicator, k.year, g.code, g.valid_from, g.at_year_end, k.asked
              FROM unnest(${arrayLiteral(keys.map((_, i) => i))}::int[], ${arrayLiteral(keys.map((key) => key.indicatorCode))}::text[],
                          ${arrayLiteral(keys.map((key) => key.year))}::int[], ${arrayLiteral(grounds)}::int[], ${arrayLiteral(asked)}::int[])
                   AS k(i, indicator, year, ground, asked)
              JOIN unnest(${arrayLiteral(units.map((u) => u.ground))}::int[], ${arrayLiteral(units.map((u) => u.code))}::text[],
                          ${arrayLiteral(units.map((u) => u.validFrom))}::date[], ${arrayLiteral(units.map((u) => u.atYearEnd))}::boolean[])
                   AS g(ground, code, valid_from, at_year_end) ON g.ground = k.ground)`;

/**
 * The keys a part of a figure statement reads, as a relation: those of one indicator (`code`, or every one
 * for null) and, with `asked`, only those whose figures it names (a batch of both kinds; the condition
 * alone made the plain read's statements 5-10 % slower).
 */
const keysOf = (code: string | null, asked?: number) => {
  const conditions = [
    ...(code === null ? [] : [sql`k.indicator = ${code}`]),
    ...(asked === undefined ? [] : [sql`k.asked & ${asked}::int <> 0`]),
  ];
  return conditions.length ? sql`(SELECT * FROM k WHERE ${join(conditions, ' AND ')})` : sql`k`;
};

/**
 * A row of a figure statement: a key's whole figure (`sex` null) or one sex of its split (`sex` set, and
 * only the numbers).
 */
const figureRow = z.object({
  i: z.number(),
  sex: z.enum(SEXES).nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  with_denominator: z.number().nullable(),
  values: z.number().nullable(),
  source: z.string().nullable(),
  reported: z.boolean().nullable(),
});
type FigureRow = z.infer<typeof figureRow>;

/** The columns only a whole figure has, empty in the rows of a split. */
const WHOLE_ONLY_COLUMNS = sql`NULL::int AS with_denominator, NULL::int AS "values", NULL::text AS source, NULL::boolean AS reported`;

// Every figure of a request in one statement: the reported figures summed from `indicator_value`, the
// computed ones from each indicator's own SQL, and the splits by sex, side by side.
function figureSql(
  batch: ReturnType<typeof figureKeyBatch>,
  computed: ComputedIndicators,
  withReported: boolean,
): Sql | undefined {
  const computedCodes = Object.keys(computed);
  // Keys of one kind only (a plain read's): no key to leave out.
  const only = (asked: number) => (batch.asked.every((flags) => flags === asked) ? undefined : asked);
  const askedOf = new Map<string, number>();
  batch.keys.forEach((key, i) =>
    askedOf.set(key.indicatorCode, (askedOf.get(key.indicatorCode) ?? 0) | (batch.asked[i] ?? 0)),
  );
  const reportedCodes = [...askedOf]
    .filter(([code, asked]) => asked & WHOLE && !computedCodes.includes(code))
    .map(([code]) => code);
  // Reported rows are matched only at the levels of the units asked: a province and its communes need
  // none located by their district (a third of the rows hashed, for nothing).
  const reportedLevels = levelsOfCodes(batch.units.map((unit) => unit.code));
  const reported = sql`
    SELECT k.i, NULL::text AS sex, sum(t.numerator)::float8 AS numerator, sum(t.denominator)::float8 AS denominator,
           count(t.denominator)::int AS with_denominator, count(*)::int AS "values",
           string_agg(DISTINCT t.source, '; ' ORDER BY t.source) AS source, true AS reported
      FROM ${keysOf(null, only(WHOLE))} k
      JOIN ${locatedRows(REPORTED_LATEST, reportedLevels)} t ON t.indicator_code = k.indicator AND t.year = k.year AND ${atUnit('t')}
     GROUP BY k.i`;
  const whole = (code: string, indicator: ComputedIndicator) => sql`
    SELECT c.i, NULL::text AS sex, sum(c.numerator)::float8 AS numerator, sum(c.denominator)::float8 AS denominator,
           count(c.denominator)::int AS with_denominator, count(*)::int AS "values",
           string_agg(DISTINCT c.source, '; ' ORDER BY c.source) AS source, false AS reported
      FROM (${indicator.sql(keysOf(code, only(WHOLE)))}) AS c
     GROUP BY c.i`;
  const split = (code: string, bySexSql: (keys: Sql) => Sql) => sql`
    SELECT c.i, c.sex::text AS sex, sum(c.numerator)::float8 AS numerator, sum(c.denominator)::float8 AS denominator, ${WHOLE_ONLY_COLUMNS}
      FROM (${bySexSql(keysOf(code, only(SPLIT)))}) AS c
     GROUP BY c.i, c.sex`;
  // The whole and the split from one read of the rows: a row per key (sex null) and per key and sex.
  const wholeAndSplit = (code: string, bySexSql: (keys: Sql) => Sql, { source }: { source: string }) => sql`
    SELECT c.i, c.sex::text AS sex, sum(c.numerator)::float8 AS numerator, sum(c.denominator)::float8 AS denominator,
           (sum(c.denominator) IS NOT NULL)::int AS with_denominator, 1 AS "values", ${source}::text AS source, false AS reported
      FROM (${bySexSql(keysOf(code))}) AS c
     GROUP BY GROUPING SETS ((c.i), (c.i, c.sex))`;
  // Only the indicators asked: an indicator's SQL may carry large parameters (rebuilt districts).
  const computedParts = Object.entries(computed).flatMap(([code, indicator]) => {
    const asked = askedOf.get(code) ?? 0;
    const { bySexSql, wholeFromSplit } = indicator;
    if (asked === (WHOLE | SPLIT) && bySexSql && wholeFromSplit) return [wholeAndSplit(code, bySexSql, wholeFromSplit)];
    return [
      ...(asked & WHOLE ? [whole(code, indicator)] : []),
      ...(asked & SPLIT && bySexSql ? [split(code, bySexSql)] : []),
    ];
  });
  const withReportedFigures = withReported && reportedCodes.length > 0;
  const parts = [...(withReportedFigures ? [reported] : []), ...computedParts];
  // Nothing to compute (a sector that takes no reported figures, asked only what it does not compute).
  if (!parts.length) return undefined;
  const years = [...new Set(batch.keys.map((key) => key.year))];
  return sql`WITH ${figureKeyBatchCte(batch)}${withReportedFigures ? sql`, ${latestReportedCte(reportedCodes, years, reportedLevels)}` : empty}
    ${join(parts, ' UNION ALL ')}`;
}

/** Each key's whole figure and split by sex, from the rows of a figure statement. */
function figuresOf(rows: readonly FigureRow[], count: number) {
  const wholes: (SectorValue | null)[] = Array.from({ length: count }, () => null);
  const groups = new Map<string, FigureRow>();
  for (const row of rows) {
    if (row.sex !== null) {
      groups.set(`${row.i}|${row.sex}`, row);
      continue;
    }
    // A ratio needs every value's denominator; a count has none.
    wholes[row.i] = {
      numerator: row.numerator,
      denominator: row.with_denominator === row.values ? row.denominator : null,
      source: row.source ?? '',
      reported: row.reported ?? false,
    };
  }
  const splits = wholes.map((_, i): SexFigure[] | null => {
    const bySex = SEXES.map((sex) => groups.get(`${i}|${sex}`));
    if (bySex.every((row) => row === undefined)) return null;
    return SEXES.map((sex, s) => ({
      sex,
      numerator: bySex[s]?.numerator ?? 0,
      denominator: bySex[s]?.denominator ?? 0,
    }));
  });
  return { wholes, splits };
}

/** The keys of one statement: those asked whole and those asked split by sex. */
interface FigureBatch {
  whole: IndicatorValueKey[];
  split: IndicatorValueKey[];
}

/**
 * One statement for the figures of one batch (a key asked both ways is read once). Returns each list's
 * figures in its order.
 */
async function readFigures(
  db: SqlQueryable,
  computed: ComputedIndicators,
  withReported: boolean,
  asked: { readonly [kind in keyof FigureBatch]: readonly IndicatorValueKey[] },
) {
  const indexOf = new Map<string, number>();
  const keys: IndicatorValueKey[] = [];
  const flags: number[] = [];
  const place = (key: IndicatorValueKey, flag: number) => {
    const id = figureKeyString(key);
    let i = indexOf.get(id);
    if (i === undefined) {
      i = keys.push(key) - 1;
      indexOf.set(id, i);
      flags.push(0);
    }
    flags[i] = (flags[i] ?? 0) | flag;
    return i;
  };
  const wholeAt = asked.whole.map((key) => place(key, WHOLE));
  const splitAt = asked.split.map((key) => place(key, SPLIT));
  const statement = keys.length ? figureSql(figureKeyBatch(keys, flags), computed, withReported) : undefined;
  const { wholes, splits } = figuresOf(statement ? await queryRows(db, figureRow, statement) : [], keys.length);
  return { wholes: wholeAt.map((i) => wholes[i] ?? null), splits: splitAt.map((i) => splits[i] ?? null) };
}

/** The CTE of the latest reported figures of some indicators and years (`latestReportedCte`). */
const REPORTED_LATEST = 'reported_latest';

/**
 * The latest version of each reported figure (`sameFigure`'s identity: PARTITION BY groups NULL codes
 * together, as IS NOT DISTINCT FROM does) among the indicators and years asked, with only the columns a
 * figure sums. Filtering first lets an index do the work: joined whole, every year of every indicator
 * (15,000 rows in the bench) was sorted for a merge join and checked for a newer version row by row
 * (80 ms → 10 ms). The index `indicator_value_latest_idx` holds the rows in the window's order with every
 * column read, so PostgreSQL can rank them as it reads the index, without a sort or the table (20 → 5 ms).
 * Only the rows of the keys' provinces located, at a level asked, in a unit of the keys `k` are ranked (the
 * provinces first, by the index on them: other provinces' figures made the statement grow): the others cannot match a
 * key, and a figure's every version shares its codes (they are in its identity), so no figure loses its
 * latest version. Without it every province's figures were ranked and hashed for one province's read
 * (5,352 rows for the bench plan's 332: LĐTBXH's statement 22 → 8 ms), and more as provinces report.
 */
const latestReportedCte = (codes: readonly string[], years: readonly number[], levels: readonly LocationLevel[]) => sql`
  ${identifier(REPORTED_LATEST)} AS (
    SELECT ${join(
      LATEST_COLUMNS.map((name) => column('r', name)),
      ', ',
    )} FROM (SELECT r.*, rank() OVER (PARTITION BY ${join(
      FIGURE_IDENTITY.map((name) => column('r', name)),
      ', ',
    )} ORDER BY r.version DESC) AS recency
                     FROM indicator_value r
                    WHERE r.indicator_code = ANY(${codes}::text[]) AND r.year = ANY(${years}::int[]) AND ${inKeyProvinces('r')}
                      AND (${join(
                        // IN (SELECT …) is hashed once; = ANY of a parameter is a linear search per row.
                        levels.map((level) => sql`${column('r', `${level}_code`)} IN (SELECT k.code FROM k)`),
                        ' OR ',
                      )})) r
     WHERE r.recency = 1)`;

/**
 * Batches every figure asked in a request into one SQL statement: reported figures from the sector's
 * `indicator_value` (unless `reported` is false: a sector that takes no aggregate figures has no such
 * table), computed ones (`computed`) from its records: the figure loader of `createFigureLoaders`, for a
 * sector that asks no split.
 */
export const createIndicatorValueLoader = (
  db: SqlQueryable,
  computed: ComputedIndicators = {},
  options: { reported?: boolean; cache?: FigureCache | undefined } = {},
) => createFigureLoaders(db, computed, options).values;

/**
 * A sector's figures and their splits by sex (the computed indicators with `bySexSql`: both sexes listed,
 * a sex without records counting 0 of 0, or null where the sector has no figure by sex), as two loaders
 * that share their statement: the keys both load in one tick (a request's entities ask their figures and
 * splits side by side) are read in one statement, where an indicator `wholeFromSplit` reads its rows once
 * for both. A batch of one loader alone (the other's came later, or from the figure cache) is read alone.
 */
export function createFigureLoaders(
  db: SqlQueryable,
  computed: ComputedIndicators,
  { reported = true, cache }: { reported?: boolean; cache?: FigureCache | undefined } = {},
) {
  let pending: { batch: FigureBatch; read: ReturnType<typeof readFigures> } | null = null;
  // DataLoader dispatches each loader's batch in a `process.nextTick` of its own: a read scheduled the same
  // way runs after the batches of one tick have both joined it.
  const enlist = (kind: keyof FigureBatch, keys: readonly IndicatorValueKey[]) => {
    if (!pending) {
      const batch: FigureBatch = { whole: [], split: [] };
      const read = new Promise<void>((resolve) => process.nextTick(resolve)).then(() => {
        pending = null;
        return readFigures(db, computed, reported, batch);
      });
      pending = { batch, read };
    }
    const { batch, read } = pending;
    const from = batch[kind].length;
    batch[kind].push(...keys);
    return read.then((figures) => ({ figures, from }));
  };
  return {
    values: new DataLoader<IndicatorValueKey, SectorValue | null, string>(
      cachedBatch(db, cache, 'value', figureKeyString, async (keys) => {
        const { figures, from } = await enlist('whole', keys);
        return figures.wholes.slice(from, from + keys.length);
      }),
      { cacheKeyFn: figureKeyString },
    ),
    bySex: new DataLoader<IndicatorValueKey, SexFigure[] | null, string>(
      cachedBatch(db, cache, 'sex', figureKeyString, async (keys) => {
        const { figures, from } = await enlist('split', keys);
        return figures.splits.slice(from, from + keys.length);
      }),
      { cacheKeyFn: figureKeyString },
    ),
  };
}

export interface IndicatorValueInput {
  indicatorCode: string;
  unitCode: string;
  year: number;
  numerator: number;
  denominator?: number | null | undefined;
  source: string;
}

/** Which indicators a sector takes aggregate figures for: those it owns and does not compute. */
export interface IndicatorValueRules {
  ownedIndicators: ReadonlySet<string>;
  computed?: ComputedIndicators;
  now?: Date;
}

/**
 * Every problem of an aggregate figure, at once (the unit's territory aside), and where it lies: its unit
 * in the list valid at the end of the year (undefined when the unit or year is wrong).
 */
export function indicatorValueProblems(
  input: IndicatorValueInput,
  options: IndicatorValueRules,
): { problems: InputProblem[]; location: UnitLevelLocation | undefined } {
  const problems: InputProblem[] = [];
  const add = (field: string, reason: Reason, message: string) => problems.push(problem(field, reason, message));
  if (!options.ownedIndicators.has(input.indicatorCode))
    add('indicatorCode', 'INDICATOR_NOT_OWNED', `Chỉ số "${input.indicatorCode}" không do ngành này ghi nhận.`);
  else if (options.computed?.[input.indicatorCode]) {
    add(
      'indicatorCode',
      'INDICATOR_COMPUTED',
      `Chỉ số "${input.indicatorCode}" được tính từ dữ liệu gốc của ngành, không nhận số liệu tổng hợp.`,
    );
  }
  const currentYear = (options.now ?? new Date()).getUTCFullYear();
  if (!Number.isInteger(input.year) || input.year < 2019 || input.year > currentYear)
    add('year', 'YEAR_OUT_OF_RANGE', `Năm phải từ 2019 đến ${currentYear}.`);
  const location = Number.isInteger(input.year) ? locateUnit(input.unitCode, `${input.year}-12-31`) : undefined;
  if (!location)
    add('unitCode', 'UNKNOWN_UNIT_CODE', `Không có đơn vị hành chính mã ${input.unitCode} vào cuối năm ${input.year}.`);
  const numeratorProblems = figureNumberProblems('numerator', input.numerator, 'Tử số');
  problems.push(...numeratorProblems);
  const denominator = input.denominator ?? null;
  if (denominator !== null && !(denominator > 0))
    add('denominator', 'DENOMINATOR_NOT_POSITIVE', 'Mẫu số phải lớn hơn 0.');
  else if (denominator !== null) {
    const denominatorProblems = figureNumberProblems('denominator', denominator, 'Mẫu số');
    problems.push(...denominatorProblems);
    if (!numeratorProblems.length && !denominatorProblems.length && input.numerator > denominator)
      add('numerator', 'NUMERATOR_ABOVE_DENOMINATOR', `Tử số (${input.numerator}) lớn hơn mẫu số (${denominator}).`);
  }
  if (!input.source.trim()) add('source', 'REQUIRED', 'Cần ghi nguồn số liệu (ví dụ số báo cáo).');
  else problems.push(...textProblems('source', input.source, 'Nguồn số liệu', MAX_SOURCE_LENGTH));
  return { problems, location };
}

/** The unit a figure is recorded for, as the territory checks take it: itself, in the list valid at the end of the year. */
export const figureUnit = (input: Pick<IndicatorValueInput, 'unitCode'>, location: UnitLevelLocation) => ({
  // Every level of a location shares its first day.
  code: input.unitCode,
  validFrom: location.provinceValidFrom,
});

/**
 * The version a figure takes: a figure is a report's value for an indicator, unit and year, identified by
 * its source (the report); recording it again (a correction) makes the next version, and only the latest
 * version of each counts. Figures from different sources for the same unit add up.
 */
const nextVersion = (input: IndicatorValueInput, location: UnitLevelLocation) => sql`
  (SELECT coalesce(max(version), 0) + 1 FROM indicator_value
    WHERE ${sameFigure(sql`indicator_value`, {
      indicatorCode: sql`${input.indicatorCode}`,
      year: sql`${input.year}::int`,
      communeCode: sql`${location.communeCode}::text`,
      districtCode: sql`${location.districtCode}::text`,
      provinceCode: sql`${location.provinceCode}::text`,
      provinceValidFrom: sql`${location.provinceValidFrom}::date`,
      source: sql`${input.source.trim()}`,
    })})`;

/** The columns that make one figure of `indicator_value`, whose versions succeed each other (`sameFigure`). */
const FIGURE_IDENTITY = [
  'indicator_code',
  'year',
  'commune_code',
  'district_code',
  'province_code',
  'province_valid_from',
  'source',
] as const;

/** What the latest reported figures carry: their identity, where they lie and their numbers (the index's columns). */
const LATEST_COLUMNS = [
  ...FIGURE_IDENTITY,
  'commune_valid_from',
  'district_valid_from',
  'numerator',
  'denominator',
] as const;

/**
 * Rows of `indicator_value` (as `table`) that are the same figure as the values given: FIGURE_IDENTITY,
 * the nullable codes compared with IS NOT DISTINCT FROM.
 */
function sameFigure(
  table: Sql,
  of: Record<
    'indicatorCode' | 'year' | 'communeCode' | 'districtCode' | 'provinceCode' | 'provinceValidFrom' | 'source',
    Sql
  >,
): Sql {
  return sql`${table}.indicator_code = ${of.indicatorCode} AND ${table}.year = ${of.year}
         AND ${table}.commune_code IS NOT DISTINCT FROM ${of.communeCode}
         AND ${table}.district_code IS NOT DISTINCT FROM ${of.districtCode}
         AND ${table}.province_code = ${of.provinceCode} AND ${table}.province_valid_from = ${of.provinceValidFrom}
         AND ${table}.source = ${of.source}`;
}

/** A row `r` of `indicator_value` is the latest version of its figure (older versions are kept, never counted). */
export const latestFigureVersion = (alias: string): Sql => {
  const r = identifier(alias);
  return sql`NOT EXISTS (SELECT 1 FROM indicator_value newer WHERE ${sameFigure(sql`newer`, {
    indicatorCode: sql`${r}.indicator_code`,
    year: sql`${r}.year`,
    communeCode: sql`${r}.commune_code`,
    districtCode: sql`${r}.district_code`,
    provinceCode: sql`${r}.province_code`,
    provinceValidFrom: sql`${r}.province_valid_from`,
    source: sql`${r}.source`,
  })} AND newer.version > ${r}.version)`;
};

/** A recorded figure as stored (its source trimmed, its numbers as the column keeps them). */
const recordedIndicatorValue = z.object({
  id: z.string(),
  indicatorCode: z.string(),
  year: z.number(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  source: z.string(),
});
export type RecordedIndicatorValue = z.infer<typeof recordedIndicatorValue> & { unitCode: string };

/**
 * Records a figure reported in aggregate (e.g. caregivers trained: numerator, denominator, unit,
 * year, source), after checking every field; a rejected figure writes nothing. `scope` (the request's
 * access) refuses a unit outside the person's territory before anything is written. The same figure
 * (indicator, unit, year and source) recorded again is its next version.
 */
export async function recordIndicatorValue(
  db: SqlQueryable,
  input: IndicatorValueInput,
  options: IndicatorValueRules & { actor: string; scope: ScopeGuard },
): Promise<RecordedIndicatorValue> {
  const { problems, location } = indicatorValueProblems(input, options);
  if (location) options.scope.assertCovers(figureUnit(input, location), 'input.unitCode');
  if (problems.length || !location) rejectInput('Số liệu', 'INVALID_INDICATOR_VALUE', problems);
  const denominator = input.denominator ?? null;
  const [row] = await queryRows(
    db,
    recordedIndicatorValue,
    sql`INSERT INTO indicator_value (id, indicator_code, year, numerator, denominator, source,
          commune_code, commune_valid_from, district_code, district_valid_from, province_code, province_valid_from, recorded_by, version)
        VALUES (gen_random_uuid(), ${input.indicatorCode}, ${input.year}, ${input.numerator}, ${denominator}, ${input.source.trim()},
                ${location.communeCode}, ${location.communeValidFrom}::date, ${location.districtCode}, ${location.districtValidFrom}::date,
                ${location.provinceCode}, ${location.provinceValidFrom}::date, ${options.actor}, ${nextVersion(input, location)})
        RETURNING id::text, indicator_code AS "indicatorCode", year, numerator::float8, denominator::float8, source`,
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return { ...row, unitCode: input.unitCode };
}

/** A sector's figure for one earlier year of the same indicator and unit. */
export interface YearFigure {
  year: number;
  numerator: number;
  denominator: number | null;
}

/**
 * The figures of the same indicator and unit in the years before the progress's year, from the first
 * year the system holds: what a target's baseline is taken from when its plan gives none. Loaded
 * through the same loader, so they join the request's one statement.
 */
export async function earlierFigures(
  loader: DataLoader<IndicatorValueKey, SectorValue | null, string>,
  progress: FigureReference,
): Promise<YearFigure[]> {
  const key = figureKeyOf(progress);
  const years = Array.from({ length: Math.max(0, key.year - FIRST_YEAR) }, (_, i) => FIRST_YEAR + i);
  const figures = await loader.loadMany(years.map((year) => ({ ...key, year })));
  return years.flatMap((year, i) => {
    const figure = figures[i];
    if (figure instanceof Error) throw figure;
    return figure ? [{ year, numerator: figure.numerator, denominator: figure.denominator }] : [];
  });
}

/**
 * The communes whose figures a progress asks with its unit's: with `byCommune`, the communes of the
 * unit's ground in the list valid at the end of the year (the order LĐTBXH lists them in too).
 */
export const communesOfProgress = (progress: FigureReference) => {
  const { unit, year } = figureKeyOf(progress);
  return progress.byCommune ? territoryCommunes(unit, year) : null;
};

/** Every commune figure of a progress through the same loader as the unit's (one statement per request). */
export async function communeFigures<F>(
  loader: DataLoader<IndicatorValueKey, F, string>,
  progress: FigureReference,
): Promise<{ unitCode: string; unitValidFrom: string; figure: F }[] | null> {
  const communes = communesOfProgress(progress);
  if (!communes) return null;
  const figures = await loader.loadMany(
    communes.map((unit) => ({ indicatorCode: progress.indicatorCode, year: progress.year, unit })),
  );
  return communes.map((unit, i) => {
    const figure = figures[i];
    if (figure instanceof Error) throw figure;
    return { unitCode: unit.code, unitValidFrom: unit.validFrom, figure: figure as F };
  });
}
