import { atUnit, column, empty, figureRows, sql, type ComputedIndicators, type Sql } from '@ecd/database';

import { GRADES_BY_LEVEL, type SchoolGrade } from '../domain/records.js';
import { SCHOOL_LEVEL_CODES, type SchoolLevel } from '../domain/school-level.js';

// Education's indicators computed from its own records (SQL per the registry definitions in
// packages/reference-data/data/indicators.yaml). Each SELECT gives (i, numerator, denominator, source) per
// requested key `k` (columns i, indicator, year, code, valid_from), summing over the rows located in
// the requested unit, whatever its level. Only the latest version of a school's survey or pupil
// statistics, and of a commune's population survey, counts for a year. The indicators over children
// counted by sex (enrolment and the population survey) are also split by sex (`bySexSql`). `keys` may hold
// several rows for one `i` (a unit asked for and the units covering its territory): every SELECT sums
// per `k.i`.

const SURVEY_SOURCE = 'Khảo sát trường học hằng năm (GD&ĐT)';
const FLOW_SOURCE = 'Thống kê học sinh đầu năm, cuối năm học (GD&ĐT)';
const POPULATION_SOURCE = 'Điều tra phổ cập giáo dục (GD&ĐT)';

const latestSurvey = sql`NOT EXISTS (SELECT 1 FROM school_survey n WHERE n.school_id = sv.school_id AND n.year = sv.year AND n.version > sv.version)`;
const latestEnrolment = sql`NOT EXISTS (SELECT 1 FROM enrolment_report n WHERE n.school_id = r.school_id AND n.year = r.year AND n.version > r.version)`;
const latestPopulation = sql`NOT EXISTS (SELECT 1 FROM child_population_report n
  WHERE n.commune_code = t.commune_code AND n.commune_valid_from = t.commune_valid_from AND n.year = t.year AND n.version > t.version)`;

const ofLevels = (levels: readonly SchoolLevel[]) => sql`t.level = ANY(${levels}::"SchoolLevel"[])`;
/**
 * Preschools and primary schools, with the independent nursery groups and preschool classes: the "cơ sở
 * giáo dục mầm non, tiểu học và cơ sở nuôi dưỡng trẻ em" of the ECD indicators.
 */
const ECD_LEVELS: readonly SchoolLevel[] = ['PRESCHOOL', 'PRIMARY'];
/** The facilities counted: every education facility, or the schools (trường học) only. */
type Facilities = 'ALL' | 'SCHOOLS';
const ofKind = (facilities: Facilities) => (facilities === 'SCHOOLS' ? sql` AND t.kind = 'SCHOOL'` : empty);

/**
 * The located schools `t` with their yearly records (`records`: the joins, `columns`: what to keep, `year`
 * among them), matched to the keys by unit and year as `s`. Fenced (OFFSET 0) so that PostgreSQL joins
 * schools and records first and hashes the result against the keys: left to itself it matched each school
 * with every key of its unit (its province's, once per earlier year) and looked up the records once per
 * match (10 -> 4 ms per indicator in the bench).
 */
const schoolRecords = (keys: Sql, columns: Sql, records: Sql, where: Sql) => sql`
    FROM ${keys} k
    JOIN (SELECT t.located_code, t.located_valid_from, ${columns}
            FROM ${figureRows('school')} t ${records}
           WHERE ${where}
          OFFSET 0) s ON ${atUnit('s')} AND s.year = k.year`;
const SURVEYS = sql`JOIN school_survey sv ON sv.school_id = t.id`;
const PUPIL_COUNTS = sql`JOIN enrolment_report r ON r.school_id = t.id JOIN enrolment_count c ON c.report_id = r.id`;

/** Share of surveyed facilities of `levels` (schools only, or all) whose latest survey says `flag`. */
const surveyedSchools =
  (flag: string, levels: readonly SchoolLevel[], facilities: Facilities = 'ALL') =>
  (keys: Sql) => sql`
  SELECT k.i, count(*) FILTER (WHERE s.flag) AS numerator, count(*) AS denominator, ${SURVEY_SOURCE}::text AS source
  ${schoolRecords(keys, sql`sv.year, ${column('sv', flag)} AS flag`, SURVEYS, sql`${ofLevels(levels)}${ofKind(facilities)} AND ${latestSurvey}`)}
   GROUP BY k.i`;

/** Pupils dropping out during the school year over pupils enrolled at its start, in `grades`. */
const dropout = (grades: readonly SchoolGrade[]) => (keys: Sql) => sql`
  SELECT k.i, sum(s.dropping_out) AS numerator, sum(s.enrolled_at_start) AS denominator, ${FLOW_SOURCE}::text AS source
  ${schoolRecords(
    keys,
    sql`r.year, f.dropping_out, f.enrolled_at_start`,
    sql`JOIN enrolment_report r ON r.school_id = t.id JOIN grade_flow f ON f.report_id = r.id`,
    sql`f.grade = ANY(${grades}::"SchoolGrade"[]) AND ${latestEnrolment}`,
  )}
   GROUP BY k.i
  HAVING sum(s.enrolled_at_start) > 0`;

/** With `bySex`, the extra select column and grouping that split a figure by the sex column `alias.sex`. */
const sexSplit = (bySex: boolean, alias: string) =>
  bySex
    ? { sex: sql`${column(alias, 'sex')} AS sex, `, group: sql`, ${column(alias, 'sex')}` }
    : { sex: empty, group: empty };

/** Children of `ages` living in the unit who have completed `completed`, over all children of those ages (universal-education survey). */
const cohortCompletion =
  (completed: string, [youngest, oldest]: readonly [number, number], bySex = false) =>
  (keys: Sql) => {
    const split = sexSplit(bySex, 'p');
    return sql`
  SELECT k.i, ${split.sex}sum(${column('p', completed)}) AS numerator, sum(p.children) AS denominator, ${POPULATION_SOURCE}::text AS source
    FROM ${keys} k
    JOIN ${figureRows('child_population_report')} t ON t.year = k.year AND ${atUnit('t')}
    JOIN child_population_count p ON p.report_id = t.id
   WHERE p.age BETWEEN ${youngest}::int AND ${oldest}::int AND ${latestPopulation}
   GROUP BY k.i${split.group}
  HAVING sum(p.children) > 0`;
  };

/**
 * 5-year-olds enrolled in preschools located in the unit over 5-year-olds living in it (universal-
 * education survey): a unit without a population survey for the year gives no figure. Both counts are
 * summed in one pass over their rows side by side: joined as two aggregates, PostgreSQL misjudged the
 * population side as one row and recomputed the enrolment aggregate for each unit (20 ms of 43 in the bench).
 */
const age5Enrolment =
  (bySex = false) =>
  (keys: Sql) => {
    const [population, pupils] = [sexSplit(bySex, 'p'), sexSplit(bySex, 's')];
    return sql`
  SELECT u.i, ${bySex ? sql`u.sex, ` : empty}sum(u.pupils) AS numerator, sum(u.children) AS denominator, ${`${FLOW_SOURCE}; ${POPULATION_SOURCE}`}::text AS source
    FROM (SELECT k.i, ${population.sex}p.children, 0 AS pupils
            FROM ${keys} k
            JOIN ${figureRows('child_population_report')} t ON t.year = k.year AND ${atUnit('t')}
            JOIN child_population_count p ON p.report_id = t.id
           WHERE p.age = 5 AND ${latestPopulation}
          UNION ALL
          SELECT k.i, ${pupils.sex}0 AS children, s.pupils
          ${schoolRecords(keys, sql`r.year, c.sex, c.pupils`, PUPIL_COUNTS, sql`t.level = 'PRESCHOOL' AND c.age = 5 AND ${latestEnrolment}`)}) u
   GROUP BY u.i${bySex ? sql`, u.sex` : empty}
  HAVING sum(u.children) > 0`;
  };

/** The oldest age of "trẻ em đến 8 tuổi", in the enrolment's convention ((year − 1) − birth year). */
const ECD_OLDEST_AGE = 8;

/**
 * Children up to 8 enrolled in preschools (independent groups included) and primary schools who received
 * the early-childhood support services they need, over those children, in the rows that record it (a school
 * that does not follow it counts neither above nor below the line).
 */
const pupilsWithEcdServices =
  (bySex = false) =>
  (keys: Sql) => {
    const split = sexSplit(bySex, 's');
    return sql`
  SELECT k.i, ${split.sex}sum(s.pupils_with_ecd_services) AS numerator, sum(s.pupils) AS denominator, ${FLOW_SOURCE}::text AS source
  ${schoolRecords(
    keys,
    sql`r.year, c.sex, c.pupils_with_ecd_services, c.pupils`,
    PUPIL_COUNTS,
    sql`${ofLevels(ECD_LEVELS)} AND c.age <= ${ECD_OLDEST_AGE}::int AND c.pupils_with_ecd_services IS NOT NULL AND ${latestEnrolment}`,
  )}
   GROUP BY k.i${split.group}
  HAVING sum(s.pupils) > 0`;
  };

/** Education's indicators computed from its records; the others it owns are reported in aggregate. */
export const EDUCATION_COMPUTED: ComputedIndicators = {
  SCHOOLS_WITH_SANITATION: { sql: surveyedSchools('clean_water_sanitation', SCHOOL_LEVEL_CODES) },
  // "Trường học" (002 l.41, l.43): schools, not the independent groups.
  SCHOOLS_WITH_PSYCHOLOGICAL_SUPPORT: { sql: surveyedSchools('psychological_support', SCHOOL_LEVEL_CODES, 'SCHOOLS') },
  SCHOOLS_DISABILITY_ACCESSIBLE: { sql: surveyedSchools('disability_accessible', SCHOOL_LEVEL_CODES, 'SCHOOLS') },
  REFERRAL_NETWORK_EDU_FACILITIES: { sql: surveyedSchools('referral_network', ECD_LEVELS) },
  ECD_EDU_STAFF_CAREGIVERS_TRAINED: {
    sql: (keys) => sql`
      SELECT k.i, sum(s.staff_trained_ecd) AS numerator, sum(s.staff_total) AS denominator, ${SURVEY_SOURCE}::text AS source
      ${schoolRecords(keys, sql`sv.year, sv.staff_trained_ecd, sv.staff_total`, SURVEYS, sql`${ofLevels(ECD_LEVELS)} AND ${latestSurvey}`)}
       GROUP BY k.i
      HAVING sum(s.staff_total) > 0`,
  },
  ECD_EDU_SERVICE_ACCESS_0_8: { sql: pupilsWithEcdServices(), bySexSql: pupilsWithEcdServices(true) },
  AGE5_PRESCHOOL_ENROLMENT: { sql: age5Enrolment(), bySexSql: age5Enrolment(true) },
  PRIMARY_COMPLETION: {
    sql: cohortCompletion('completed_primary', [11, 11]),
    bySexSql: cohortCompletion('completed_primary', [11, 11], true),
  },
  LOWER_SECONDARY_COMPLETION: {
    sql: cohortCompletion('completed_lower_secondary', [15, 18]),
    bySexSql: cohortCompletion('completed_lower_secondary', [15, 18], true),
  },
  PRIMARY_DROPOUT: { sql: dropout(GRADES_BY_LEVEL.PRIMARY) },
  LOWER_SECONDARY_DROPOUT: { sql: dropout(GRADES_BY_LEVEL.LOWER_SECONDARY) },
};
