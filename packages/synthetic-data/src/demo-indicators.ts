import {
  locateUnit,
  readCommuneSuccessions,
  territoryCommunes,
  UNIT_LISTS,
  UnitIndex,
  type RecordLocation,
  type UnitList,
} from '@ecd/reference-data';
import { fromIsoDate } from '@ecd/service-kit';

import { SeededRandom } from './random.js';

/** The year the demo's sector records describe in full: the last full year before the 2025 reform. */
export const DEMO_PROGRESS_YEAR = 2024;

/** The years the demo reports indicator figures for: the seed plans' years, up to the current year. */
export const DEMO_YEARS: readonly number[] = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

/** The units the seed plans cover, in the units of 2024: Lạng Sơn, Quảng Ninh, Ninh Bình, Dầu Tiếng, Bến Cát. */
export const DEMO_PROGRESS_UNITS = ['20', '22', '37', '720', '721'] as const;

/**
 * Plausible figures for the demo: the unit's level (in %) in 2025, the final year of most seed plans, is
 * drawn from `percent`, and it got there from a 2019 level `change` percentage points worse, along a
 * straight line with some noise (and a little further in 2026); each commune varies around it by
 * `spread`, and its denominator is a count in `denominator`. Drawn per indicator and unit, so that some
 * seed targets are reached in 2025 and some are not.
 */
const DEMO_RANGES: Record<
  string,
  { percent: [number, number]; change: [number, number]; spread: number; denominator: [number, number] }
> = {
  PRIMARY_DROPOUT: { percent: [0.05, 0.2], change: [-0.15, -0.05], spread: 0.05, denominator: [300, 1500] },
  LOWER_SECONDARY_DROPOUT: { percent: [0.03, 0.2], change: [-0.2, -0.05], spread: 0.05, denominator: [200, 1200] },
};
const DEFAULT_RANGE = {
  percent: [72, 99] as [number, number],
  change: [8, 30] as [number, number],
  spread: 4,
  denominator: [40, 1200] as [number, number],
};
const FINAL_YEAR = 2025;
const FIRST_YEAR = 2019;

export interface DemoFigure extends RecordLocation {
  indicatorCode: string;
  year: number;
  numerator: number;
  denominator: number;
  source: string;
}

function unitList(position: number): UnitList {
  const list = UNIT_LISTS[position];
  if (!list) throw new Error(`@ecd/reference-data lists no unit list ${position}`);
  return list;
}
const before = unitList(0);
let index: UnitIndex | undefined;

let successions: Map<string, { old: string; shares: number }[]> | undefined;
/** The old communes a current commune was formed from, each with the number of current communes it went into. */
function predecessorsOf(newCommuneCode: string): { old: string; shares: number }[] {
  if (!successions) {
    const rows = readCommuneSuccessions();
    const spread = new Map<string, number>();
    for (const row of rows) {
      const old = row.oldCommuneCode ?? row.oldDistrictCode;
      spread.set(old, (spread.get(old) ?? 0) + 1);
    }
    successions = new Map();
    for (const row of rows) {
      const old = row.oldCommuneCode ?? row.oldDistrictCode;
      const list = successions.get(row.newCommuneCode) ?? [];
      list.push({ old, shares: spread.get(old) ?? 1 });
      successions.set(row.newCommuneCode, list);
    }
  }
  return successions.get(newCommuneCode) ?? [];
}

const between = (random: SeededRandom, [low, high]: readonly [number, number]) => low + random.next() * (high - low);

/**
 * Reproducible figures for one ratio indicator in a 2024 unit, for each of `years`: one per commune (the
 * 2024 communes up to 2024, the current communes of the unit's ground from 2025, located in the units
 * valid at the end of the year), or before the reform one per district for an indicator counted over
 * districts (a district has a working network or not).
 */
export function demoFigures(
  indicatorCode: string,
  unitCode: string,
  seed: number,
  options: { years?: readonly number[]; finalLevel?: number } = {},
): DemoFigure[] {
  const { years = DEMO_YEARS } = options;
  const units = (index ??= new UnitIndex(before));
  const unit = units.byCode.get(unitCode);
  if (!unit) throw new RangeError(`${unitCode} is not a 2024 unit`);
  const random = new SeededRandom(seed).fork(`${indicatorCode}@${unitCode}`);
  const range = DEMO_RANGES[indicatorCode] ?? DEFAULT_RANGE;
  const drawn = between(random, range.percent);
  const final = options.finalLevel ?? drawn;
  const first = final - between(random, range.change);
  const levelIn = (year: number) =>
    first +
    ((final - first) * (year - FIRST_YEAR)) / (FINAL_YEAR - FIRST_YEAR) +
    (random.next() * 2 - 1) * range.spread * 0.25;
  return years.flatMap((year) => {
    const level = levelIn(year);
    const base = { indicatorCode, year, source: `Số liệu minh họa (demo) năm ${year}` };
    const located = (code: string) => {
      const location = locateUnit(code, `${year}-12-31`);
      if (!location) throw new Error(`${code} is not a unit at the end of ${year}`);
      return {
        communeCode: location.communeCode,
        communeValidFrom: location.communeValidFrom ? fromIsoDate(location.communeValidFrom) : null,
        districtCode: location.districtCode,
        districtValidFrom: location.districtValidFrom ? fromIsoDate(location.districtValidFrom) : null,
        provinceCode: location.provinceCode,
        provinceValidFrom: fromIsoDate(location.provinceValidFrom),
      };
    };
    const yearly = random.fork(String(year));
    if (indicatorCode.endsWith('_DISTRICTS')) {
      if (year >= FINAL_YEAR) return []; // no districts after the reform
      const districts = unit.level === 'province' ? (units.childrenOf.get(unitCode) ?? []) : [unit];
      return districts.map((d) => ({
        ...base,
        ...located(d.code),
        numerator: yearly.next() * 100 < level ? 1 : 0,
        denominator: 1,
      }));
    }
    const communes = territoryCommunes({ code: unitCode, validFrom: before.validFrom }, year);
    // A current commune counts what its old communes counted (a split one shared equally), so totals
    // carry across the reform.
    const denominatorOf = (code: string) =>
      new SeededRandom(seed).fork(`${indicatorCode}@${code}`).int(...range.denominator);
    return communes.map(({ code, validFrom }) => {
      const denominator =
        validFrom === before.validFrom
          ? denominatorOf(code)
          : Math.max(
              1,
              Math.round(predecessorsOf(code).reduce((sum, { old, shares }) => sum + denominatorOf(old) / shares, 0)),
            );
      const percent = Math.min(100, Math.max(0, level + (yearly.next() * 2 - 1) * range.spread));
      return { ...base, ...located(code), numerator: Math.round((denominator * percent) / 100), denominator };
    });
  });
}
