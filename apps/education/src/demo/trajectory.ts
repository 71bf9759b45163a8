import type { SchoolLevel } from '../domain/school-level.js';

/**
 * How the education sector stands, year by year, in the units of the two education plans among the seeds,
 * so that the demo shows each plan's trajectory, its 2025 assessment and 2026:
 *
 * - Ninh Bình (37), Sở GD&ĐT's 03/KH-SGDĐT (ninh-binh-sgddt-2019-de-an-1437, 2019-2025): staff trained
 *   ahead of plan (75% due 2020 reached, 90% due 2025 reached); pupils up to 8 reached by the support
 *   services behind in 2020 (75% due) but at the 90% due in 2025; the referral network far behind
 *   (70% due 2020, 100% due 2025: not reached).
 * - Bến Cát (721), Phòng GD&ĐT's 226/KH-PGDĐT (ben-cat-pgddt-2021-cthd-tre-em, 2021-2030, seeded to 2026):
 *   in 2025 sanitation (100%), accessible schools (55%), primary completion (97%) and dropout (< 0.12%)
 *   and disabled children in suitable education (80%) reached; psychological support (95%), preschool
 *   at 5 (99.1%), under-5s developing on track (99.1%), lower-secondary completion (88%) and dropout
 *   (< 0.14%) not.
 *
 * Each level is a share (0-1) in the unit as a whole: the records are drawn around it, school by school
 * and row by row. Between two years given, a level moves in a straight line.
 */
export interface SectorLevels {
  /** Facilities with clean water and sanitation. */
  sanitation: number;
  /** Schools with a psychological-support service. */
  psychologicalSupport: number;
  /** Schools with infrastructure and materials for pupils with disabilities. */
  disabilityAccessible: number;
  /** Preschool facilities and primary schools in the referral network. */
  referralNetwork: number;
  /** Staff trained in comprehensive early childhood care and development. */
  staffTrained: number;
  /** Pupils of preschool facilities and primary schools who received the support services they need. */
  ecdServices: number;
  /** 5-year-olds in mẫu giáo lớn. */
  age5Enrolled: number;
  /** 11-year-olds who completed primary school. */
  primaryCompleted: number;
  /** 15-18-year-olds who graduated from lower secondary school. */
  lowerSecondaryCompleted: number;
  /** Pupils dropping out during the school year (a share, not %). */
  primaryDropout: number;
  lowerSecondaryDropout: number;
  /** Reported in aggregate: under-5s assessed as developing on track. */
  under5OnTrack: number;
  /** Reported in aggregate: disabled children needing education who are in suitable education. */
  disabledInSuitableEducation: number;
}

export interface DemoUnit {
  /** A 2024 unit (province or district). */
  code: string;
  /** First and last year (of the school year's end) recorded. */
  firstYear: number;
  lastYear: number;
  /** The levels in some years, the first and last among them. */
  levels: Readonly<Record<number, SectorLevels>>;
  /** Whether the unit's communes have independent nursery groups (Ninh Bình's plan names them). */
  independentGroups: boolean;
  /**
   * Whether the demo holds the unit's universal-education surveys (children by age): only where a seed
   * plan's target is computed from them (Bến Cát's preschool at 5 and completion), to keep the demo small.
   */
  populationSurvey: boolean;
  /**
   * The levels whose pupil statistics the demo holds, for the same reason: Ninh Bình's plan covers
   * preschools and primary schools (000 l.46), Bến Cát's all three levels (002 l.123).
   */
  pupilStatistics: readonly SchoolLevel[];
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  {
    code: '37',
    firstYear: 2019,
    lastYear: 2025,
    independentGroups: true,
    populationSurvey: false,
    pupilStatistics: ['PRESCHOOL', 'PRIMARY'],
    levels: {
      2019: {
        sanitation: 0.88,
        psychologicalSupport: 0.45,
        disabilityAccessible: 0.35,
        referralNetwork: 0.4,
        staffTrained: 0.66,
        ecdServices: 0.62,
        age5Enrolled: 0.985,
        primaryCompleted: 0.975,
        lowerSecondaryCompleted: 0.86,
        primaryDropout: 0.0012,
        lowerSecondaryDropout: 0.004,
        under5OnTrack: 0.95,
        disabledInSuitableEducation: 0.68,
      },
      2020: {
        sanitation: 0.9,
        psychologicalSupport: 0.5,
        disabilityAccessible: 0.38,
        referralNetwork: 0.52,
        staffTrained: 0.775,
        ecdServices: 0.7,
        age5Enrolled: 0.987,
        primaryCompleted: 0.977,
        lowerSecondaryCompleted: 0.865,
        primaryDropout: 0.0011,
        lowerSecondaryDropout: 0.0037,
        under5OnTrack: 0.955,
        disabledInSuitableEducation: 0.7,
      },
      2024: {
        sanitation: 0.96,
        psychologicalSupport: 0.7,
        disabilityAccessible: 0.5,
        referralNetwork: 0.65,
        staffTrained: 0.92,
        ecdServices: 0.875,
        age5Enrolled: 0.993,
        primaryCompleted: 0.985,
        lowerSecondaryCompleted: 0.9,
        primaryDropout: 0.0006,
        lowerSecondaryDropout: 0.002,
        under5OnTrack: 0.975,
        disabledInSuitableEducation: 0.8,
      },
      2025: {
        sanitation: 0.97,
        psychologicalSupport: 0.74,
        disabilityAccessible: 0.53,
        referralNetwork: 0.72,
        staffTrained: 0.935,
        ecdServices: 0.92,
        age5Enrolled: 0.994,
        primaryCompleted: 0.987,
        lowerSecondaryCompleted: 0.905,
        primaryDropout: 0.0005,
        lowerSecondaryDropout: 0.0018,
        under5OnTrack: 0.978,
        disabledInSuitableEducation: 0.82,
      },
    },
  },
  {
    code: '721',
    firstYear: 2021,
    lastYear: 2026,
    independentGroups: false,
    populationSurvey: true,
    pupilStatistics: ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'],
    levels: {
      2021: {
        sanitation: 0.9,
        psychologicalSupport: 0.55,
        disabilityAccessible: 0.45,
        referralNetwork: 0.6,
        staffTrained: 0.6,
        ecdServices: 0.7,
        age5Enrolled: 0.955,
        primaryCompleted: 0.965,
        lowerSecondaryCompleted: 0.8,
        primaryDropout: 0.0015,
        lowerSecondaryDropout: 0.005,
        under5OnTrack: 0.975,
        disabledInSuitableEducation: 0.7,
      },
      2024: {
        sanitation: 1,
        psychologicalSupport: 0.8,
        disabilityAccessible: 0.65,
        referralNetwork: 0.85,
        staffTrained: 0.8,
        ecdServices: 0.85,
        age5Enrolled: 0.975,
        primaryCompleted: 0.99,
        lowerSecondaryCompleted: 0.84,
        primaryDropout: 0.0003,
        lowerSecondaryDropout: 0.003,
        under5OnTrack: 0.984,
        disabledInSuitableEducation: 0.78,
      },
      2025: {
        sanitation: 1,
        psychologicalSupport: 0.86,
        disabilityAccessible: 0.68,
        referralNetwork: 0.88,
        staffTrained: 0.84,
        ecdServices: 0.88,
        age5Enrolled: 0.978,
        primaryCompleted: 0.99,
        lowerSecondaryCompleted: 0.86,
        primaryDropout: 0.0004,
        lowerSecondaryDropout: 0.0028,
        under5OnTrack: 0.985,
        disabledInSuitableEducation: 0.84,
      },
      2026: {
        sanitation: 1,
        psychologicalSupport: 0.9,
        disabilityAccessible: 0.7,
        referralNetwork: 0.9,
        staffTrained: 0.87,
        ecdServices: 0.9,
        age5Enrolled: 0.984,
        primaryCompleted: 0.992,
        lowerSecondaryCompleted: 0.875,
        primaryDropout: 0.0003,
        lowerSecondaryDropout: 0.002,
        under5OnTrack: 0.987,
        disabledInSuitableEducation: 0.86,
      },
    },
  },
];

/** The years a unit's records cover, in order. */
export const yearsOf = (unit: DemoUnit): number[] =>
  Array.from({ length: unit.lastYear - unit.firstYear + 1 }, (_, i) => unit.firstYear + i);

/** The unit's levels in `year`: as given, or on the straight line between the years given around it. */
export function levelsIn(unit: DemoUnit, year: number): SectorLevels {
  const given = Object.keys(unit.levels)
    .map(Number)
    .sort((a, b) => a - b);
  const at = (y: number): SectorLevels => {
    const levels = unit.levels[y];
    if (!levels) throw new Error(`Unit ${unit.code} gives no levels for ${y}`);
    return levels;
  };
  const first = given[0];
  const last = given[given.length - 1];
  if (first === undefined || last === undefined || year < first || year > last)
    throw new RangeError(`Unit ${unit.code} has no levels for ${year}`);
  const after = given.find((y) => y >= year) ?? last;
  const before = [...given].reverse().find((y) => y <= year) ?? first;
  if (before === after) return at(year);
  const t = (year - before) / (after - before);
  const [from, to] = [at(before), at(after)];
  return Object.fromEntries(
    (Object.keys(from) as (keyof SectorLevels)[]).map((key) => [key, from[key] + t * (to[key] - from[key])]),
  ) as unknown as SectorLevels;
}
