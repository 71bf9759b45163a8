import DataLoader from 'dataloader';
import { unitIndexFor, unitListFor } from '@ecd/reference-data';
import { badInput } from '@ecd/service-kit';
import { unitKeyString, type UnitKey } from './unit-rollup.js';

interface RawQueryable {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** One figure a sector is asked for: an indicator in a unit (any level) in a year. */
export interface IndicatorValueKey {
  indicatorCode: string;
  year: number;
  unit: UnitKey;
}

/** What the sector holds for it: sums over its recorded values, never averaged percentages. */
export interface SectorValue {
  numerator: number;
  denominator: number | null;
  source: string;
  /** Every figure is a reported aggregate so far; computed ones will say false. */
  reported: boolean;
}

const keyString = (key: IndicatorValueKey) => `${key.indicatorCode}|${key.year}|${unitKeyString(key.unit)}`;

// Every figure of a request in one statement: a row of the table counts for a unit when the unit is
// its commune, its district or its province.
const SUM_SQL = `
  SELECT k.i, sum(t.numerator)::float8 AS numerator, sum(t.denominator)::float8 AS denominator,
         count(t.denominator)::int AS with_denominator, count(*)::int AS values,
         string_agg(DISTINCT t.source, '; ' ORDER BY t.source) AS source
    FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::date[]) AS k(i, indicator, year, code, valid_from)
    JOIN indicator_value t ON t.indicator_code = k.indicator AND t.year = k.year
     AND (   (t.commune_code = k.code AND t.commune_valid_from = k.valid_from)
          OR (t.district_code = k.code AND t.district_valid_from = k.valid_from)
          OR (t.province_code = k.code AND t.province_valid_from = k.valid_from))
   GROUP BY k.i`;

/** Batches every figure asked in a request into one SQL statement on the sector's `indicator_value`. */
export function createIndicatorValueLoader(db: RawQueryable) {
  return new DataLoader<IndicatorValueKey, SectorValue | null, string>(
    async (keys) => {
      const rows = await db.$queryRawUnsafe<{ i: number; numerator: number; denominator: number | null; with_denominator: number; values: number; source: string }[]>(
        SUM_SQL,
        keys.map((_, i) => i),
        keys.map((k) => k.indicatorCode),
        keys.map((k) => k.year),
        keys.map((k) => k.unit.code),
        keys.map((k) => k.unit.validFrom),
      );
      const byIndex = new Map(rows.map((r) => [r.i, r]));
      return keys.map((_, i) => {
        const row = byIndex.get(i);
        if (!row) return null;
        // A ratio needs every value's denominator; a count has none.
        return { numerator: row.numerator, denominator: row.with_denominator === row.values ? row.denominator : null, source: row.source, reported: true };
      });
    },
    { cacheKeyFn: keyString },
  );
}

export interface IndicatorValueInput {
  indicatorCode: string;
  unitCode: string;
  year: number;
  numerator: number;
  denominator?: number | null | undefined;
  source: string;
}

interface Problem {
  field: string;
  reason: string;
  message: string;
}

/** The location columns of a figure for a unit: the unit itself and the units above it, in the list of that year's end. */
function locate(unitCode: string, year: number) {
  const asOf = `${year}-12-31`;
  let list;
  try {
    list = unitListFor(asOf);
  } catch {
    return undefined;
  }
  const index = unitIndexFor(list);
  const unit = index.byCode.get(unitCode);
  if (!unit) return undefined;
  const chain = [unit];
  while (chain.at(-1)!.parentCode) chain.push(index.byCode.get(chain.at(-1)!.parentCode!)!);
  const at = (level: string) => chain.find((u) => u.level === level)?.code ?? null;
  return { validFrom: list.validFrom, commune: at('commune'), district: at('district'), province: at('province')! };
}

/**
 * Records a figure reported in aggregate (e.g. caregivers trained: numerator, denominator, unit,
 * year, source), after checking every field; a rejected figure writes nothing.
 */
export async function recordIndicatorValue(
  db: RawQueryable,
  input: IndicatorValueInput,
  options: { ownedIndicators: ReadonlySet<string>; actor: string; now?: Date },
): Promise<{ id: string }> {
  const problems: Problem[] = [];
  const add = (field: string, reason: string, message: string) => problems.push({ field: `input.${field}`, reason, message });
  if (!options.ownedIndicators.has(input.indicatorCode)) add('indicatorCode', 'INDICATOR_NOT_OWNED', `Chỉ số "${input.indicatorCode}" không do ngành này ghi nhận.`);
  const currentYear = (options.now ?? new Date()).getUTCFullYear();
  if (!Number.isInteger(input.year) || input.year < 2019 || input.year > currentYear) add('year', 'YEAR_OUT_OF_RANGE', `Năm phải từ 2019 đến ${currentYear}.`);
  const location = Number.isInteger(input.year) ? locate(input.unitCode, input.year) : undefined;
  if (!location) add('unitCode', 'UNKNOWN_UNIT_CODE', `Không có đơn vị hành chính mã ${input.unitCode} vào cuối năm ${input.year}.`);
  if (!Number.isFinite(input.numerator) || input.numerator < 0) add('numerator', 'NEGATIVE_VALUE', 'Tử số phải là số không âm.');
  const denominator = input.denominator ?? null;
  if (denominator !== null && !(denominator > 0)) add('denominator', 'DENOMINATOR_NOT_POSITIVE', 'Mẫu số phải lớn hơn 0.');
  else if (denominator !== null && input.numerator > denominator) add('numerator', 'NUMERATOR_ABOVE_DENOMINATOR', `Tử số (${input.numerator}) lớn hơn mẫu số (${denominator}).`);
  if (!input.source.trim()) add('source', 'SOURCE_REQUIRED', 'Cần ghi nguồn số liệu (ví dụ số báo cáo).');
  if (problems.length || !location) {
    throw badInput(`Số liệu có ${problems.length} lỗi; không có dữ liệu nào được ghi.`, { field: 'input', reason: 'INVALID_INDICATOR_VALUE', problems });
  }
  const day = (code: string | null) => (code ? location.validFrom : null);
  const [row] = await db.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO indicator_value (id, indicator_code, year, numerator, denominator, source,
       commune_code, commune_valid_from, district_code, district_valid_from, province_code, province_valid_from, recorded_by)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7::date, $8, $9::date, $10, $11::date, $12) RETURNING id::text`,
    input.indicatorCode,
    input.year,
    input.numerator,
    denominator,
    input.source.trim(),
    location.commune,
    day(location.commune),
    location.district,
    day(location.district),
    location.province,
    location.validFrom,
    options.actor,
  );
  return row!;
}
