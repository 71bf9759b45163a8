/**
 * The sector records behind the plan's figures at province scale: children's growth measurements,
 * immunisations and service contacts (health), school surveys, enrolment and the population survey
 * (education), commune referral networks and reported aggregates (LĐTBXH), all for PROGRESS_YEAR,
 * as COPY rows. Generated from the children and stations the generator has already produced, so the
 * records refer to real rows.
 */
import { toIsoDate } from '@ecd/service-kit';
import type { SeededRandom } from '@ecd/synthetic-data';

import { growthScores } from '../../apps/health/src/domain/growth-measurement.js';
import { itemAt } from './item-at.js';

/** The year the benchmark asks progress for: the current one, with records up to the end of November. */
export const PROGRESS_YEAR = 2026;
const DAY_MS = 86_400_000;
const YEAR_START = Date.UTC(PROGRESS_YEAR, 0, 1);
const LAST_RECORD_DAY = Date.UTC(PROGRESS_YEAR, 10, 30);
const FIVE_YEARS_DAYS = 1826;
const NINE_YEARS_DAYS = 3287;

type Row = (string | null)[];

/** What the health generator produced, kept compactly for the records that refer to it. */
export class Children {
  readonly ids: string[] = [];
  /** Birth day, in days since 1970-01-01. */
  readonly birthDays: number[] = [];
  readonly male: boolean[] = [];
  readonly commune: number[] = [];

  add(id: string, birthDay: number, male: boolean, commune: number): void {
    this.ids.push(id);
    this.birthDays.push(birthDay);
    this.male.push(male);
    this.commune.push(commune);
  }

  // Child `c` (0 ≤ c < ids.length) has an entry in every column: `add` fills them together.
  idOf(c: number): string {
    return itemAt(this.ids, c, 'child ids');
  }

  birthDayOf(c: number): number {
    return itemAt(this.birthDays, c, 'child birth days');
  }

  communeOf(c: number): number {
    return itemAt(this.commune, c, 'child communes');
  }
}

export interface CommuneColumns {
  /** commune_code, commune_valid_from, province_code, province_valid_from, as COPY fields. */
  columns: readonly [communeCode: string, communeValidFrom: string, provinceCode: string, provinceValidFrom: string];
}

const isoDay = (day: number) => toIsoDate(new Date(day * DAY_MS));
const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

function normal(random: SeededRandom, mean: number, sd: number): number {
  return mean + sd * Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

// Approximate WHO medians by age in months (boys; girls 3% lower), interpolated: enough for plausible
// values, whose z-scores the health module then computes exactly.
const MEDIAN_AGES = [0, 6, 12, 24, 36, 48, 60];
const MEDIAN_LENGTH_CM = [49.9, 67.6, 75.7, 87.1, 96.1, 103.3, 110.0];
const MEDIAN_WEIGHT_KG = [3.3, 7.9, 9.6, 12.2, 14.3, 16.3, 18.3];
function median(values: number[], months: number): number {
  const i = Math.min(
    MEDIAN_AGES.length - 2,
    MEDIAN_AGES.findIndex((age, j) => months < (MEDIAN_AGES[j + 1] ?? Infinity)),
  );
  const [a0, a1, v0, v1] = [
    itemAt(MEDIAN_AGES, i, 'median ages'),
    itemAt(MEDIAN_AGES, i + 1, 'median ages'),
    itemAt(values, i, 'medians'),
    itemAt(values, i + 1, 'medians'),
  ];
  return v0 + ((v1 - v0) * (months - a0)) / (a1 - a0);
}

/** One measurement in the year of each child under 5 on its measuring day, scored by the health module. */
export function* growthRows(
  children: Children,
  communes: CommuneColumns[],
  random: SeededRandom,
  uuid: () => string,
): Iterable<Row> {
  const firstDay = dayOf(YEAR_START);
  const lastDay = dayOf(LAST_RECORD_DAY);
  for (let c = 0; c < children.ids.length; c++) {
    const birthDay = children.birthDayOf(c);
    const from = Math.max(firstDay, birthDay + 1);
    if (from > lastDay) continue;
    const measuredDay = random.int(from, lastDay);
    const ageDays = measuredDay - birthDay;
    if (ageDays >= FIVE_YEARS_DAYS) continue;
    const months = ageDays / 30.4375;
    const sexFactor = children.male[c] ? 1 : 0.97;
    const lengthHeightCm = Number(
      (median(MEDIAN_LENGTH_CM, months) * sexFactor * (1 + 0.037 * normal(random, -0.9, 1.1))).toFixed(1),
    );
    const weightKg = Number(
      (median(MEDIAN_WEIGHT_KG, months) * sexFactor * (1 + 0.11 * normal(random, -0.5, 1))).toFixed(2),
    );
    const values = {
      sex: children.male[c] ? ('MALE' as const) : ('FEMALE' as const),
      birthDate: new Date(birthDay * DAY_MS),
      measuredOn: new Date(measuredDay * DAY_MS),
      weightKg,
      lengthHeightCm,
      measured: ageDays < 731 ? ('LYING' as const) : ('STANDING' as const),
      oedema: false,
    };
    const s = growthScores(values);
    const z = (value: number | null) => (value === null ? null : value.toFixed(2));
    yield [
      uuid(),
      children.idOf(c),
      values.sex,
      isoDay(birthDay),
      isoDay(measuredDay),
      String(weightKg),
      String(lengthHeightCm),
      values.measured,
      'false',
      z(s.weightForAgeZ),
      z(s.lengthHeightForAgeZ),
      z(s.weightForLengthHeightZ),
      s.stunting,
      s.underweight,
      s.wasting,
      ...itemAt(communes, children.communeOf(c), 'communes').columns,
      'bench',
    ];
  }
}
export const GROWTH_COLUMNS =
  'id, child_record_id, sex, birth_date, measured_on, weight_kg, length_height_cm, measured, oedema, weight_for_age_z, length_height_for_age_z, weight_for_length_height_z, stunting, underweight, wasting, commune_code, commune_valid_from, province_code, province_valid_from, recorded_by';

/** The doses due before the first birthday (apps/health/src/domain/epi-schedule.ts) and their usual age in days. */
const DOSES_BY_12_MONTHS: [string, number][] = [
  ['BCG', 0],
  ['HEPB_BIRTH', 0],
  ['DPT_HEPB_HIB_1', 61],
  ['OPV_1', 61],
  ['DPT_HEPB_HIB_2', 91],
  ['OPV_2', 91],
  ['DPT_HEPB_HIB_3', 122],
  ['OPV_3', 122],
  ['IPV', 153],
  ['MEASLES_1', 274],
];

/** The first-year doses of the two cohorts born the two years before PROGRESS_YEAR; about one child in four misses one. */
export function* immunisationRows(
  children: Children,
  stations: string[],
  random: SeededRandom,
  uuid: () => string,
): Iterable<Row> {
  const cohortStart = dayOf(Date.UTC(PROGRESS_YEAR - 2, 0, 1));
  const cohortEnd = dayOf(YEAR_START);
  const today = dayOf(LAST_RECORD_DAY);
  for (let c = 0; c < children.ids.length; c++) {
    const birthDay = children.birthDayOf(c);
    if (birthDay < cohortStart || birthDay >= cohortEnd) continue;
    for (const [vaccine, dueAge] of DOSES_BY_12_MONTHS) {
      if (random.next() < 0.03) continue;
      const givenDay = birthDay + dueAge + random.int(0, 20);
      if (givenDay > today) continue;
      yield [
        uuid(),
        children.idOf(c),
        vaccine,
        isoDay(givenDay),
        itemAt(stations, children.communeOf(c), 'stations'),
        'bench',
      ];
    }
  }
}
export const IMMUNISATION_COLUMNS = 'id, child_record_id, vaccine, given_on, station_id, recorded_by';

const SERVICE_KINDS = [
  'GROWTH_MONITORING',
  'NUTRITION_COUNSELLING',
  'VITAMIN_A_SUPPLEMENTATION',
  'DEWORMING',
  'DEVELOPMENTAL_SCREENING',
  'SICK_CHILD_CARE',
  'MICRONUTRIENT_SUPPLEMENTATION',
];

/** Most children 0-8 in the year get one to three services of different kinds. */
export function* serviceContactRows(
  children: Children,
  stations: string[],
  random: SeededRandom,
  uuid: () => string,
): Iterable<Row> {
  const firstDay = dayOf(YEAR_START);
  const lastDay = dayOf(LAST_RECORD_DAY);
  for (let c = 0; c < children.ids.length; c++) {
    const birthDay = children.birthDayOf(c);
    const from = Math.max(firstDay, birthDay);
    const to = Math.min(lastDay, birthDay + NINE_YEARS_DAYS - 1);
    if (from > to || random.next() < 0.15) continue;
    const first = random.int(0, SERVICE_KINDS.length - 1);
    for (let n = random.int(1, 3) - 1; n >= 0; n--) {
      const kind = itemAt(SERVICE_KINDS, (first + n) % SERVICE_KINDS.length, 'service kinds');
      yield [
        uuid(),
        children.idOf(c),
        kind,
        isoDay(random.int(from, to)),
        itemAt(stations, children.communeOf(c), 'stations'),
        'bench',
      ];
    }
  }
}
export const SERVICE_CONTACT_COLUMNS = 'id, child_record_id, kind, served_on, station_id, recorded_by';

export interface School {
  id: string;
  level: 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY';
  commune: number;
}

/** This year's survey of every school: most have sanitation, fewer psychological support. */
export function* schoolSurveyRows(schools: School[], random: SeededRandom, uuid: () => string): Iterable<Row> {
  for (const school of schools) {
    const staff = random.int(12, 60);
    yield [
      uuid(),
      school.id,
      String(PROGRESS_YEAR),
      '1',
      String(random.next() < 0.93),
      String(random.next() < 0.55),
      String(random.next() < 0.6),
      String(random.next() < 0.75),
      String(staff),
      String(Math.round(staff * (0.75 + 0.25 * random.next()))),
      'bench',
    ];
  }
}
export const SCHOOL_SURVEY_COLUMNS =
  'id, school_id, year, version, clean_water_sanitation, psychological_support, disability_accessible, referral_network, staff_total, staff_trained_ecd, recorded_by';

const PRIMARY_GRADES = ['GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4', 'GRADE_5'];
const LOWER_SECONDARY_GRADES = ['GRADE_6', 'GRADE_7', 'GRADE_8', 'GRADE_9'];
const PRESCHOOL_AGES: [string, number][] = [
  ['KINDERGARTEN_YOUNGER', 3],
  ['KINDERGARTEN_MIDDLE', 4],
  ['KINDERGARTEN_OLDER', 5],
];

/** One enrolment report per school this year; `cohort(commune)` is the commune's children of one year of age. */
export function enrolmentRows(
  schools: School[],
  cohort: (commune: number) => number,
  random: SeededRandom,
  uuid: () => string,
) {
  const reports: Row[] = [];
  const counts: Row[] = [];
  const flows: Row[] = [];
  const schoolsPerLevel = new Map<string, number>();
  const levelKey = (s: School) => `${s.commune}:${s.level}`;
  for (const s of schools) schoolsPerLevel.set(levelKey(s), (schoolsPerLevel.get(levelKey(s)) ?? 0) + 1);
  for (const school of schools) {
    const report = uuid();
    reports.push([report, school.id, String(PROGRESS_YEAR), '1', 'bench']);
    // Counted just above, for every school.
    const sameLevel = schoolsPerLevel.get(levelKey(school));
    if (sameLevel === undefined) throw new Error(`school ${school.id} was not counted`);
    const share = cohort(school.commune) / sameLevel;
    if (school.level === 'PRESCHOOL') {
      for (const [grade, age] of PRESCHOOL_AGES) {
        for (const sex of ['MALE', 'FEMALE']) {
          const pupils = Math.round((share / 2) * (0.9 + 0.1 * random.next()));
          counts.push([uuid(), report, grade, String(age), sex, String(pupils), String(Math.round(pupils * 0.01))]);
        }
      }
    } else {
      for (const grade of school.level === 'PRIMARY' ? PRIMARY_GRADES : LOWER_SECONDARY_GRADES) {
        const enrolled = Math.round(share * (0.95 + 0.05 * random.next()));
        const dropping = Math.round(enrolled * random.next() * (school.level === 'PRIMARY' ? 0.004 : 0.012));
        flows.push([uuid(), report, grade, String(enrolled), String(enrolled - dropping), String(dropping)]);
      }
    }
  }
  return { reports, counts, flows };
}
export const ENROLMENT_REPORT_COLUMNS = 'id, school_id, year, version, recorded_by';
export const ENROLMENT_COUNT_COLUMNS = 'id, report_id, grade, age, sex, pupils, pupils_with_disabilities';
export const GRADE_FLOW_COLUMNS = 'id, report_id, grade, enrolled_at_start, completing, dropping_out';

/** The universal-education survey of every commune this year: children by single year of age 0-18 and sex. */
export function populationRows(
  communes: CommuneColumns[],
  cohort: (commune: number) => number,
  random: SeededRandom,
  uuid: () => string,
) {
  const reports: Row[] = [];
  const counts: Row[] = [];
  communes.forEach(({ columns }, i) => {
    const report = uuid();
    const [communeCode, communeValidFrom, provinceCode, provinceValidFrom] = columns;
    reports.push([
      report,
      String(PROGRESS_YEAR),
      '1',
      'Điều tra phổ cập giáo dục (bench)',
      communeCode,
      communeValidFrom,
      null,
      null,
      provinceCode,
      provinceValidFrom,
      'bench',
    ]);
    for (let age = 0; age <= 18; age++) {
      for (const sex of ['MALE', 'FEMALE']) {
        const children = Math.round((cohort(i) / 2) * (0.95 + 0.1 * random.next()));
        const primary = age >= 11 ? Math.round(children * (0.97 + 0.03 * random.next())) : 0;
        const lowerSecondary = age >= 15 ? Math.round(primary * (0.85 + 0.1 * random.next())) : 0;
        counts.push([uuid(), report, String(age), sex, String(children), String(primary), String(lowerSecondary)]);
      }
    }
  });
  return { reports, counts };
}
export const POPULATION_REPORT_COLUMNS =
  'id, year, version, source, commune_code, commune_valid_from, district_code, district_valid_from, province_code, province_valid_from, recorded_by';
export const POPULATION_COUNT_COLUMNS =
  'id, report_id, age, sex, children, completed_primary, completed_lower_secondary';

/** Each commune's referral network assessed this year; about four in five work. */
export function* referralNetworkRows(
  communes: CommuneColumns[],
  random: SeededRandom,
  uuid: () => string,
): Iterable<Row> {
  for (const { columns } of communes) {
    const [code, validFrom, provinceCode, provinceValidFrom] = columns;
    yield [
      uuid(),
      String(PROGRESS_YEAR),
      String(random.next() < 0.8),
      isoDay(dayOf(Date.UTC(PROGRESS_YEAR, 9, 15))),
      code,
      validFrom,
      code,
      validFrom,
      provinceCode,
      provinceValidFrom,
      'bench',
    ];
  }
}
export const REFERRAL_NETWORK_COLUMNS =
  'id, year, working, assessed_on, unit_code, unit_valid_from, commune_code, commune_valid_from, province_code, province_valid_from, recorded_by';

/** The figures LĐTBXH takes in aggregate, reported by every commune this year. */
export function* reportedFigureRows(
  communes: CommuneColumns[],
  childrenIn: (commune: number) => number,
  random: SeededRandom,
  uuid: () => string,
): Iterable<Row> {
  for (const [i, { columns }] of communes.entries()) {
    const [code, validFrom, provinceCode, provinceValidFrom] = columns;
    const children = childrenIn(i);
    const staff = random.int(200, 900);
    for (const [indicator, numerator, denominator] of [
      ['ECD_SERVICE_ACCESS_0_8', Math.round(children * (0.8 + 0.15 * random.next())), children],
      ['ECD_STAFF_CAREGIVERS_TRAINED', Math.round(staff * (0.75 + 0.2 * random.next())), staff],
    ] as const) {
      yield [
        uuid(),
        indicator,
        String(PROGRESS_YEAR),
        String(numerator),
        String(denominator),
        `Báo cáo của UBND xã năm ${PROGRESS_YEAR} (bench)`,
        code,
        validFrom,
        null,
        null,
        provinceCode,
        provinceValidFrom,
        'bench',
      ];
    }
  }
}
export const REPORTED_FIGURE_COLUMNS =
  'id, indicator_code, year, numerator, denominator, source, commune_code, commune_valid_from, district_code, district_valid_from, province_code, province_valid_from, recorded_by';
