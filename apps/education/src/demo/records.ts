import { randomUUID } from 'node:crypto';

import {
  locateUnit,
  readCommuneSuccessions,
  UNIT_LISTS,
  unitIndexFor,
  type AdminUnitRecord,
  type RecordLocation,
} from '@ecd/reference-data';
import { fromIsoDate } from '@ecd/service-kit';
import { SeededRandom } from '@ecd/synthetic-data';

import { GRADES_BY_LEVEL, type SchoolGrade } from '../domain/records.js';
import type { SchoolKind, SchoolLevel, SchoolOwnership } from '../domain/school-level.js';
import { levelsIn, yearsOf, type DemoUnit, type SectorLevels } from './trajectory.js';

/**
 * The demo's education records of the seed plans' units, every year of their trajectory (trajectory.ts),
 * reproducible from the seed: rows ready for bulk insert, by table. Records are located in the units
 * valid on their date:
 * - schools (all opened before 2019) in their 2024 commune, district and province, where their surveys
 *   and pupil statistics of every later year count too;
 * - a commune's universal-education survey for the school year ending in `year`, on 5 September of
 *   `year − 1`: in the 2024 communes up to 2025, in the communes of 2025-07-01 from 2026 (Bến Cát's are in
 *   Thành phố Hồ Chí Minh, 79, since Bình Dương, 74, merged into it);
 * - the figures reported in aggregate for `year`, in the units valid at its end (recordIndicatorValue's
 *   rule): the 2024 communes up to 2024, the 2025 communes from 2025.
 * A 2025 commune formed from communes of the seed unit and of its neighbours counts all its children (the
 * neighbours' communes are drawn like the unit's), though the demo holds no school of the neighbours: over
 * a 2024 unit's territory after the reform (the 2025 communes attributed to it), a figure whose numerator
 * comes from schools and denominator from the survey (preschool at 5) is only approximate.
 */

type Row = Record<string, unknown>;
export interface DemoRecords {
  school: Row[];
  survey: Row[];
  report: Row[];
  enrolment: Row[];
  flow: Row[];
  population: Row[];
  counts: Row[];
  figures: Row[];
}

/** The indicators education reports in aggregate, and the level (trajectory.ts) their demo figures follow. */
export const REPORTED_LEVELS: Readonly<Record<string, keyof SectorLevels>> = {
  UNDER5_DEVELOPING_ON_TRACK: 'under5OnTrack',
  DISABLED_CHILDREN_IN_SUITABLE_EDUCATION: 'disabledInSuitableEducation',
};

const RECORDED_BY = 'demo-seed';
const SEXES = ['MALE', 'FEMALE'] as const;
type Sex = (typeof SEXES)[number];
const OLDEST_SURVEYED = 18;
/** The birth years of the children the demo counts: 18 in 2019 to 0 in 2026. */
const FIRST_BIRTH_YEAR = 2000;
const LAST_BIRTH_YEAR = 2025;
const [LIST_2024, LIST_2025] = UNIT_LISTS as readonly [(typeof UNIT_LISTS)[number], (typeof UNIT_LISTS)[number]];

/** The age a class group's pupils normally have, (year − 1) − birth year. */
const NORMAL_AGE: Record<SchoolGrade, number> = {
  NURSERY: 2,
  KINDERGARTEN_YOUNGER: 3,
  KINDERGARTEN_MIDDLE: 4,
  KINDERGARTEN_OLDER: 5,
  GRADE_1: 6,
  GRADE_2: 7,
  GRADE_3: 8,
  GRADE_4: 9,
  GRADE_5: 10,
  GRADE_6: 11,
  GRADE_7: 12,
  GRADE_8: 13,
  GRADE_9: 14,
};
/** An independent nursery group takes the youngest: nhà trẻ and mẫu giáo bé. */
const GROUP_GRADES: readonly SchoolGrade[] = ['NURSERY', 'KINDERGARTEN_YOUNGER'];
/** Shares of a commune's children of a class group's age in its independent group, where there is one. */
const GROUP_SHARE: Partial<Record<SchoolGrade, number>> = { NURSERY: 0.2, KINDERGARTEN_YOUNGER: 0.1 };

/** Randomised rounding: an integer whose expectation is `x`. */
const roundRandom = (random: SeededRandom, x: number) => Math.floor(x + random.next());
/** A share drawn around `level`, within ±`spread` and never beyond 0 or 1 (so its mean stays `level`). */
const around = (random: SeededRandom, level: number, spread = 0.03) => {
  const width = Math.min(spread, level, 1 - level);
  return level + (random.next() * 2 - 1) * width;
};

/**
 * A unit's location columns in the list valid on `date` (the oldest list before its first day, as the
 * service kit's locateUnitOn does), as a record stores them.
 */
function located(unitCode: string, date: string): RecordLocation {
  const location = locateUnit(unitCode, date < LIST_2024.validFrom ? LIST_2024.validFrom : date);
  if (!location) throw new Error(`${unitCode} is not a unit on ${date}`);
  const day = (iso: string | null) => (iso ? fromIsoDate(iso) : null);
  return {
    communeCode: location.communeCode,
    communeValidFrom: day(location.communeValidFrom),
    districtCode: location.districtCode,
    districtValidFrom: day(location.districtValidFrom),
    provinceCode: location.provinceCode,
    provinceValidFrom: fromIsoDate(location.provinceValidFrom),
  };
}

let successions: ReturnType<typeof readCommuneSuccessions> | undefined;

/**
 * The 2025 communes that succeeded `communes`, each with every 2024 commune it was formed from (those of
 * the neighbouring units too) and the share of that commune it received (a split commune evenly).
 */
function predecessorsOf(communes: readonly AdminUnitRecord[]): Map<string, { code: string; share: number }[]> {
  const rows = (successions ??= readCommuneSuccessions()).filter((row) => row.oldCommuneCode !== null);
  const successorsOfOld = new Map<string, Set<string>>();
  for (const row of rows) {
    const old = row.oldCommuneCode as string;
    successorsOfOld.set(old, (successorsOfOld.get(old) ?? new Set()).add(row.newCommuneCode));
  }
  for (const commune of communes)
    if (!successorsOfOld.has(commune.code)) throw new Error(`No 2025 commune succeeds ${commune.code}`);
  const wanted = new Set(communes.flatMap((c) => [...(successorsOfOld.get(c.code) ?? [])]));
  const result = new Map<string, { code: string; share: number }[]>();
  for (const row of rows) {
    if (!wanted.has(row.newCommuneCode)) continue;
    const old = row.oldCommuneCode as string;
    const list = result.get(row.newCommuneCode) ?? [];
    if (!list.some((p) => p.code === old)) list.push({ code: old, share: 1 / (successorsOfOld.get(old)?.size ?? 1) });
    result.set(row.newCommuneCode, list);
  }
  return new Map([...result.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

interface Facility {
  id: string;
  commune: AdminUnitRecord;
  level: SchoolLevel;
  kind: SchoolKind;
  /** Its share of the commune's children of each class group's age it takes. */
  shares: Partial<Record<SchoolGrade, number>>;
  staff: number;
  /** Drawn once: the facility has a feature in a year when its threshold is below the unit's level then. */
  thresholds: Record<'sanitation' | 'psychologicalSupport' | 'disabilityAccessible' | 'referralNetwork', number>;
}

/**
 * Thresholds spread evenly over [0, 1) in a random order: the share of a unit's facilities below a level
 * is then the level itself (to one facility), whatever the draw.
 */
function evenThresholds(random: SeededRandom, count: number): number[] {
  const offset = random.next();
  const values = Array.from({ length: count }, (_, i) => (i + offset) / count);
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [values[i], values[j]] = [values[j] as number, values[i] as number];
  }
  return values;
}

/** Every record of one seed unit over its years. */
function unitRecords(unit: DemoUnit, seed: number, rows: DemoRecords): void {
  const index = unitIndexFor(LIST_2024);
  const communes = index.communesOf(unit.code);
  if (!communes.length) throw new Error(`${unit.code} has no communes in the 2024 list`);
  const years = yearsOf(unit);
  const root = new SeededRandom(seed);

  // Each 2024 commune's children by sex and birth year, drawn once when first needed (the neighbours'
  // communes too, for the 2025 communes formed with them): the same children a year older each year.
  const cohorts = new Map<string, number[][]>();
  const children = (commune: string, age: number, sex: Sex, year: number) => {
    let bySex = cohorts.get(commune);
    if (!bySex) {
      const random = root.fork(`education-cohorts@${commune}`);
      bySex = SEXES.map(() => Array.from({ length: LAST_BIRTH_YEAR - FIRST_BIRTH_YEAR + 1 }, () => random.int(30, 90)));
      cohorts.set(commune, bySex);
    }
    const size = bySex[SEXES.indexOf(sex)]?.[year - 1 - age - FIRST_BIRTH_YEAR];
    if (size === undefined) throw new Error(`No cohort of age ${age} in ${year} for commune ${commune}`);
    return size;
  };

  // The facilities, in their 2024 units.
  const facilities: Facility[] = [];
  const facilityRandom = root.fork(`education-facilities@${unit.code}`);
  communes.forEach((commune, c) => {
    const location = located(commune.code, LIST_2024.validFrom);
    const group = unit.independentGroups && c % 4 === 1;
    const preschools = c % 3 === 0 ? 2 : 1;
    const register = (
      level: SchoolLevel,
      kind: SchoolKind,
      name: string,
      ownership: SchoolOwnership,
      shares: Facility['shares'],
      staff: number,
      opened: [number, number],
    ) => {
      const id = randomUUID();
      facilities.push({
        id,
        commune,
        level,
        kind,
        shares,
        staff,
        thresholds: { sanitation: 0, psychologicalSupport: 0, disabilityAccessible: 0, referralNetwork: 0 },
      });
      rows.school.push({
        id,
        name,
        level,
        kind,
        ownership,
        ...location,
        openedOn: fromIsoDate(`${facilityRandom.int(opened[0], opened[1])}-09-05`),
        recordedBy: RECORDED_BY,
      });
    };
    const schoolShare = (grade: SchoolGrade) =>
      grade === 'KINDERGARTEN_OLDER' ? 1 : 0.9 - (group ? (GROUP_SHARE[grade] ?? 0) : 0);
    for (let i = 0; i < preschools; i++) {
      register(
        'PRESCHOOL',
        'SCHOOL',
        `Trường Mầm non ${commune.name}${preschools > 1 ? ` ${i + 1}` : ''}`,
        // A commune's second preschool is private (tư thục), as many are.
        i > 0 ? 'PRIVATE' : 'PUBLIC',
        Object.fromEntries(GRADES_BY_LEVEL.PRESCHOOL.map((g) => [g, schoolShare(g) / preschools])),
        facilityRandom.int(15, 45),
        [1960, 2015],
      );
    }
    if (group) {
      register(
        'PRESCHOOL',
        'INDEPENDENT_GROUP',
        `Nhóm trẻ độc lập ${commune.name}`,
        'PRIVATE',
        GROUP_SHARE,
        facilityRandom.int(3, 6),
        [2012, 2017],
      );
    }
    register(
      'PRIMARY',
      'SCHOOL',
      `Trường Tiểu học ${commune.name}`,
      'PUBLIC',
      Object.fromEntries(GRADES_BY_LEVEL.PRIMARY.map((g) => [g, 0.97])),
      facilityRandom.int(15, 45),
      [1960, 2015],
    );
    register(
      'LOWER_SECONDARY',
      'SCHOOL',
      `Trường THCS ${commune.name}`,
      'PUBLIC',
      Object.fromEntries(GRADES_BY_LEVEL.LOWER_SECONDARY.map((g) => [g, 0.97])),
      facilityRandom.int(15, 45),
      [1960, 2015],
    );
  });
  for (const feature of ['sanitation', 'psychologicalSupport', 'disabilityAccessible', 'referralNetwork'] as const) {
    evenThresholds(facilityRandom, facilities.length).forEach((threshold, i) => {
      (facilities[i] as Facility).thresholds[feature] = threshold;
    });
  }

  const predecessors = predecessorsOf(communes);
  for (const year of years) {
    const levels = levelsIn(unit, year);
    const random = root.fork(`education-year@${unit.code}@${year}`);
    if (unit.populationSurvey) populationSurveys(year, levels, communes, predecessors, children, random, rows);
    schoolYear(year, levels, facilities, unit.pupilStatistics, children, random, rows);
    reportedFigures(unit, year, levels, communes, predecessors, children, root, rows);
  }
}

type ChildrenOf = (commune: string, age: number, sex: Sex, year: number) => number;

/**
 * Per-commune figures of the 2025 communes, each the sum of its 2024 communes' (its share of each),
 * rounded, keyed by 2025 commune code.
 */
function inNewCommunes(
  predecessors: Map<string, { code: string; share: number }[]>,
  valueOf: (commune: string) => number[],
): Map<string, number[]> {
  return new Map(
    [...predecessors].map(([code, olds]) => {
      const sum: number[] = [];
      for (const { code: old, share } of olds)
        valueOf(old).forEach((value, i) => (sum[i] = (sum[i] ?? 0) + value * share));
      return [code, sum.map((value) => Math.round(value))];
    }),
  );
}

/** The communes' universal-education survey of the school year ending in `year`. */
function populationSurveys(
  year: number,
  levels: SectorLevels,
  communes: readonly AdminUnitRecord[],
  predecessors: Map<string, { code: string; share: number }[]>,
  children: ChildrenOf,
  random: SeededRandom,
  rows: DemoRecords,
): void {
  const surveyDay = `${year - 1}-09-05`;
  const ages = Array.from({ length: OLDEST_SURVEYED + 1 }, (_, age) => age);
  const cells = ages.flatMap((age) => SEXES.map((sex) => ({ age, sex })));
  const countsOf = (commune: string) => cells.map(({ age, sex }) => children(commune, age, sex, year));
  // Before the reform the 2024 communes; after it the 2025 communes that succeeded them, whole.
  const byCommune =
    surveyDay < LIST_2025.validFrom
      ? new Map(communes.map((c) => [c.code, countsOf(c.code)]))
      : inNewCommunes(predecessors, countsOf);
  for (const [communeCode, counts] of byCommune) {
    const reportId = randomUUID();
    rows.population.push({
      id: reportId,
      year,
      version: 1,
      source: `Điều tra phổ cập giáo dục năm học ${year - 1}-${year} (minh họa)`,
      ...located(communeCode, surveyDay),
      recordedBy: RECORDED_BY,
    });
    cells.forEach(({ age, sex }, i) => {
      const count = counts[i] ?? 0;
      const primaryShare =
        age < 11
          ? 0
          : age === 11
            ? around(random, levels.primaryCompleted)
            : Math.min(1, levels.primaryCompleted + 0.005);
      const completedPrimary = Math.min(count, roundRandom(random, count * primaryShare));
      const completedLowerSecondary =
        age < 15
          ? 0
          : Math.min(completedPrimary, roundRandom(random, count * around(random, levels.lowerSecondaryCompleted)));
      rows.counts.push({
        id: randomUUID(),
        reportId,
        age,
        sex,
        children: count,
        completedPrimary,
        completedLowerSecondary,
      });
    });
  }
}

/** Every facility's survey and pupil statistics of the school year ending in `year`. */
function schoolYear(
  year: number,
  levels: SectorLevels,
  facilities: readonly Facility[],
  pupilStatistics: readonly SchoolLevel[],
  children: ChildrenOf,
  random: SeededRandom,
  rows: DemoRecords,
): void {
  const flowsByLevel = new Map<SchoolLevel, Row[]>();
  for (const facility of facilities) {
    const staffTotal = Math.max(2, facility.staff + random.int(-2, 2));
    const has = (feature: keyof Facility['thresholds']) => facility.thresholds[feature] < levels[feature];
    rows.survey.push({
      id: randomUUID(),
      schoolId: facility.id,
      year,
      version: 1,
      cleanWaterSanitation: has('sanitation'),
      psychologicalSupport: has('psychologicalSupport'),
      disabilityAccessible: has('disabilityAccessible'),
      referralNetwork: has('referralNetwork'),
      staffTotal,
      staffTrainedEcd: Math.min(staffTotal, roundRandom(random, staffTotal * around(random, levels.staffTrained))),
      recordedBy: RECORDED_BY,
    });
    if (!pupilStatistics.includes(facility.level)) continue;
    const reportId = randomUUID();
    rows.report.push({ id: reportId, schoolId: facility.id, year, version: 1, recordedBy: RECORDED_BY });
    const followsEcd = facility.level !== 'LOWER_SECONDARY';
    const grades = facility.kind === 'INDEPENDENT_GROUP' ? GROUP_GRADES : GRADES_BY_LEVEL[facility.level];
    for (const grade of grades) {
      const age = NORMAL_AGE[grade];
      let enrolled = 0;
      for (const sex of SEXES) {
        // Most pupils of a grade have its normal age; in schools a few are a year older. Mẫu giáo lớn
        // takes the unit's share of the commune's 5-year-olds.
        const cohort = children(facility.commune.code, age, sex, year);
        const share =
          (facility.shares[grade] ?? 0) * (grade === 'KINDERGARTEN_OLDER' ? around(random, levels.age5Enrolled) : 1);
        const normal = roundRandom(random, cohort * share);
        const older = facility.level !== 'PRESCHOOL' && random.next() < 0.35 ? random.int(1, 2) : 0;
        for (const [pupilAge, pupils] of [
          [age, normal],
          [age + 1, older],
        ] as const) {
          if (!pupils) continue;
          enrolled += pupils;
          rows.enrolment.push({
            id: randomUUID(),
            reportId,
            grade,
            age: pupilAge,
            sex,
            pupils,
            pupilsWithDisabilities: random.next() < 0.3 ? random.int(1, Math.min(2, pupils)) : 0,
            pupilsWithEcdServices: followsEcd
              ? Math.min(pupils, roundRandom(random, pupils * around(random, levels.ecdServices)))
              : null,
          });
        }
      }
      if (!enrolled) continue;
      const flow: Row = { id: randomUUID(), reportId, grade, enrolledAtStart: enrolled, completing: 0, droppingOut: 0 };
      rows.flow.push(flow);
      const sameLevel = flowsByLevel.get(facility.level) ?? [];
      sameLevel.push(flow);
      flowsByLevel.set(facility.level, sameLevel);
    }
  }
  // Dropouts are rare: the unit's number (its level of the pupils) is spread over its class groups, weighted
  // by their pupils, so that the unit's rate is its level whatever the draw. Then 1% repeat the grade.
  const rate: Partial<Record<SchoolLevel, number>> = {
    PRIMARY: levels.primaryDropout,
    LOWER_SECONDARY: levels.lowerSecondaryDropout,
  };
  for (const [level, flows] of flowsByLevel) {
    const pupils = flows.map((f) => f.enrolledAtStart as number);
    const total = pupils.reduce((a, b) => a + b, 0);
    for (let n = Math.round(total * (rate[level] ?? 0)); n > 0; n--) {
      let pick = random.next() * total;
      let i = 0;
      while (i < pupils.length - 1 && pick >= (pupils[i] ?? 0)) pick -= pupils[i++] ?? 0;
      const flow = flows[i] as Row;
      if ((flow.droppingOut as number) < (flow.enrolledAtStart as number))
        flow.droppingOut = (flow.droppingOut as number) + 1;
    }
    for (const flow of flows) {
      const staying = (flow.enrolledAtStart as number) - (flow.droppingOut as number);
      flow.completing = staying - roundRandom(random, staying * 0.01);
    }
  }
}

/** The figures education reports in aggregate for `year`, per commune of the list valid at the year's end. */
function reportedFigures(
  unit: DemoUnit,
  year: number,
  levels: SectorLevels,
  communes: readonly AdminUnitRecord[],
  predecessors: Map<string, { code: string; share: number }[]>,
  children: ChildrenOf,
  root: SeededRandom,
  rows: DemoRecords,
): void {
  const yearEnd = `${year}-12-31`;
  for (const [indicatorCode, level] of Object.entries(REPORTED_LEVELS)) {
    const random = root.fork(`education-figures@${indicatorCode}@${unit.code}@${year}`);
    const figureOf = (commune: string): number[] => {
      // Under-5s followed by the preschools and health stations; disabled children who need education.
      const denominator =
        indicatorCode === 'UNDER5_DEVELOPING_ON_TRACK'
          ? Math.round(
              0.95 *
                [0, 1, 2, 3, 4].reduce(
                  (sum, age) => sum + SEXES.reduce((s, sex) => s + children(commune, age, sex, year), 0),
                  0,
                ),
            )
          : root.fork(`education-disabled@${commune}`).int(10, 40) + random.int(-2, 2);
      return [Math.round(denominator * around(random, levels[level], 0.005)), denominator];
    };
    const byCommune =
      yearEnd < LIST_2025.validFrom
        ? new Map(communes.map((c) => [c.code, figureOf(c.code)]))
        : inNewCommunes(predecessors, figureOf);
    for (const [communeCode, [numerator, denominator]] of byCommune) {
      if (!denominator) continue;
      rows.figures.push({
        id: randomUUID(),
        indicatorCode,
        year,
        numerator: Math.min(numerator ?? 0, denominator),
        denominator,
        source: `Số liệu minh họa (demo) năm ${year}`,
        ...located(communeCode, yearEnd),
        recordedBy: RECORDED_BY,
      });
    }
  }
}

/** The records of every seed unit over its years. */
export function demoRecords(units: readonly DemoUnit[], seed: number): DemoRecords {
  const rows: DemoRecords = {
    school: [],
    survey: [],
    report: [],
    enrolment: [],
    flow: [],
    population: [],
    counts: [],
    figures: [],
  };
  for (const unit of units) unitRecords(unit, seed, rows);
  return rows;
}
