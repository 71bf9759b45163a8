import { UNIT_LISTS, UnitIndex, type RecordLocation, type UnitList } from '@ecd/reference-data';
import { fromIsoDate } from '@ecd/service-kit';

import { SeededRandom } from './random.js';

/** The year the demo reports indicator figures for: the last full year before the 2025 reform. */
export const DEMO_PROGRESS_YEAR = 2024;

/** The units the seed plans cover, in the units of 2024: Lạng Sơn, Quảng Ninh, Ninh Bình, Dầu Tiếng, Bến Cát. */
export const DEMO_PROGRESS_UNITS = ['20', '22', '37', '720', '721'] as const;

/**
 * Plausible ranges for the demo figures: the unit's level (in %) is drawn from `percent`, each commune
 * varies around it by `spread`, and the denominator is a count in `denominator`. The level is drawn
 * per indicator and unit so that some seed targets are reached and some are not.
 */
const DEMO_RANGES: Record<string, { percent: [number, number]; spread: number; denominator: [number, number] }> = {
  PRIMARY_DROPOUT: { percent: [0.05, 0.2], spread: 0.05, denominator: [300, 1500] },
  LOWER_SECONDARY_DROPOUT: { percent: [0.03, 0.2], spread: 0.05, denominator: [200, 1200] },
};
const DEFAULT_RANGE = { percent: [60, 99] as [number, number], spread: 4, denominator: [40, 1200] as [number, number] };

export interface DemoFigure extends RecordLocation {
  indicatorCode: string;
  year: number;
  numerator: number;
  denominator: number;
  source: string;
}

function oldestUnitList(): UnitList {
  const [oldest] = UNIT_LISTS;
  if (!oldest) throw new Error('@ecd/reference-data lists no unit list');
  return oldest;
}
const before = oldestUnitList();
let index: UnitIndex | undefined;

/**
 * Reproducible figures for one ratio indicator in a 2024 unit: one per commune, or one per district for
 * an indicator counted over districts (a district has a working network or not).
 */
export function demoFigures(indicatorCode: string, unitCode: string, seed: number): DemoFigure[] {
  const units = (index ??= new UnitIndex(before));
  const validFrom = fromIsoDate(before.validFrom);
  const unit = units.byCode.get(unitCode);
  const province = units.provinceOf(unitCode);
  if (!unit || !province) throw new RangeError(`${unitCode} is not a 2024 unit`);
  const random = new SeededRandom(seed).fork(`${indicatorCode}@${unitCode}`);
  const source = `Số liệu minh họa (demo) năm ${DEMO_PROGRESS_YEAR}`;
  const base = {
    indicatorCode,
    year: DEMO_PROGRESS_YEAR,
    source,
    provinceCode: province.code,
    provinceValidFrom: validFrom,
  };
  if (indicatorCode.endsWith('_DISTRICTS')) {
    const districts = unitCode === province.code ? (units.childrenOf.get(unitCode) ?? []) : [unit];
    return districts.map((d) => ({
      ...base,
      communeCode: null,
      communeValidFrom: null,
      districtCode: d.code,
      districtValidFrom: validFrom,
      numerator: random.next() < 0.6 ? 1 : 0,
      denominator: 1,
    }));
  }
  const range = DEMO_RANGES[indicatorCode] ?? DEFAULT_RANGE;
  const level = range.percent[0] + random.next() * (range.percent[1] - range.percent[0]);
  return units.communesOf(unitCode).map((commune) => {
    const denominator = random.int(range.denominator[0], range.denominator[1]);
    const percent = Math.min(100, Math.max(0, level + (random.next() * 2 - 1) * range.spread));
    const district = units.parentOf(commune);
    if (!district) throw new Error(`commune ${commune.code} has no parent in the ${before.id} list`);
    return {
      ...base,
      communeCode: commune.code,
      communeValidFrom: validFrom,
      districtCode: district.level === 'district' ? district.code : null,
      districtValidFrom: district.level === 'district' ? validFrom : null,
      numerator: Math.round((denominator * percent) / 100),
      denominator,
    };
  });
}
