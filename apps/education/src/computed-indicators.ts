import { atUnit, locatedRows, type ComputedIndicators } from '@ecd/database';

// Education's indicators computed from its own records (SQL per the registry definitions in
// apps/ldtbxh/data/indicators.yaml). Each SELECT gives (i, numerator, denominator, source) per
// requested key `k` (columns i, indicator, year, code, valid_from), summing over the rows located in
// the requested unit, whatever its level. Only the latest version of a school's survey or pupil
// statistics, and of a commune's population survey, counts for a year. The indicators over children
// counted by sex (enrolment and the population survey) are also split by sex (`bySexSql`).

const SURVEY_SOURCE = 'Khảo sát trường học hằng năm (GD&ĐT)';
const FLOW_SOURCE = 'Thống kê học sinh đầu năm, cuối năm học (GD&ĐT)';
const POPULATION_SOURCE = 'Điều tra phổ cập giáo dục (GD&ĐT)';

const latestSurvey = `NOT EXISTS (SELECT 1 FROM school_survey n WHERE n.school_id = sv.school_id AND n.year = sv.year AND n.version > sv.version)`;
const latestEnrolment = `NOT EXISTS (SELECT 1 FROM enrolment_report n WHERE n.school_id = r.school_id AND n.year = r.year AND n.version > r.version)`;
const latestPopulation = `NOT EXISTS (SELECT 1 FROM child_population_report n
  WHERE n.commune_code = t.commune_code AND n.commune_valid_from = t.commune_valid_from AND n.year = t.year AND n.version > t.version)`;

const levels = (list: readonly string[]) => `t.level IN (${list.map((l) => `'${l}'::"SchoolLevel"`).join(', ')})`;
const ALL_LEVELS = ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'];
/** Preschools and primary schools: the "cơ sở giáo dục mầm non, tiểu học" of the ECD indicators. */
const ECD_LEVELS = ['PRESCHOOL', 'PRIMARY'];

/** Share of surveyed schools of `schoolLevels` whose latest survey says `column`. */
const surveyedSchools = (column: string, schoolLevels: readonly string[]) => (keys: string) => `
  SELECT k.i, count(*) FILTER (WHERE sv.${column}) AS numerator, count(*) AS denominator, '${SURVEY_SOURCE}' AS source
    FROM ${keys} k
    JOIN ${locatedRows('school')} t ON ${atUnit('t')}
    JOIN school_survey sv ON sv.school_id = t.id AND sv.year = k.year
   WHERE ${levels(schoolLevels)} AND ${latestSurvey}
   GROUP BY k.i`;

/** Pupils dropping out during the school year over pupils enrolled at its start, in `grades`. */
const dropout = (grades: readonly string[]) => (keys: string) => `
  SELECT k.i, sum(f.dropping_out) AS numerator, sum(f.enrolled_at_start) AS denominator, '${FLOW_SOURCE}' AS source
    FROM ${keys} k
    JOIN ${locatedRows('school')} t ON ${atUnit('t')}
    JOIN enrolment_report r ON r.school_id = t.id AND r.year = k.year
    JOIN grade_flow f ON f.report_id = r.id
   WHERE f.grade IN (${grades.map((g) => `'${g}'::"SchoolGrade"`).join(', ')}) AND ${latestEnrolment}
   GROUP BY k.i
  HAVING sum(f.enrolled_at_start) > 0`;

/** With `bySex`, the extra select column and grouping that split a figure by the sex `column`. */
const sexSplit = (bySex: boolean, column: string) => (bySex ? { sex: `${column} AS sex, `, group: `, ${column}` } : { sex: '', group: '' });

/** Children of `ages` living in the unit who have completed `column`, over all children of those ages (universal-education survey). */
const cohortCompletion =
  (column: string, ages: readonly [number, number], bySex = false) =>
  (keys: string) => {
    const split = sexSplit(bySex, 'p.sex');
    return `
  SELECT k.i, ${split.sex}sum(p.${column}) AS numerator, sum(p.children) AS denominator, '${POPULATION_SOURCE}' AS source
    FROM ${keys} k
    JOIN ${locatedRows('child_population_report')} t ON t.year = k.year AND ${atUnit('t')}
    JOIN child_population_count p ON p.report_id = t.id
   WHERE p.age BETWEEN ${ages[0]} AND ${ages[1]} AND ${latestPopulation}
   GROUP BY k.i${split.group}
  HAVING sum(p.children) > 0`;
  };

/**
 * 5-year-olds enrolled in preschools located in the unit over 5-year-olds living in it (universal-
 * education survey): a unit without a population survey for the year gives no figure.
 */
const age5Enrolment =
  (bySex = false) =>
  (keys: string) => {
    const [population, pupils] = [sexSplit(bySex, 'p.sex'), sexSplit(bySex, 'c.sex')];
    return `
  SELECT d.i, ${bySex ? 'd.sex, ' : ''}coalesce(e.pupils, 0) AS numerator, d.children AS denominator, '${FLOW_SOURCE}; ${POPULATION_SOURCE}' AS source
    FROM (SELECT k.i, ${population.sex}sum(p.children) AS children
            FROM ${keys} k
            JOIN ${locatedRows('child_population_report')} t ON t.year = k.year AND ${atUnit('t')}
            JOIN child_population_count p ON p.report_id = t.id
           WHERE p.age = 5 AND ${latestPopulation}
           GROUP BY k.i${population.group}
          HAVING sum(p.children) > 0) d
    LEFT JOIN (SELECT k.i, ${pupils.sex}sum(c.pupils) AS pupils
                 FROM ${keys} k
                 JOIN ${locatedRows('school')} t ON ${atUnit('t')}
                 JOIN enrolment_report r ON r.school_id = t.id AND r.year = k.year
                 JOIN enrolment_count c ON c.report_id = r.id
                WHERE t.level = 'PRESCHOOL' AND c.age = 5 AND ${latestEnrolment}
                GROUP BY k.i${pupils.group}) e ON e.i = d.i${bySex ? ' AND e.sex = d.sex' : ''}`;
  };

export const EDUCATION_COMPUTED: ComputedIndicators = {
  SCHOOLS_WITH_SANITATION: { sql: surveyedSchools('clean_water_sanitation', ALL_LEVELS) },
  SCHOOLS_WITH_PSYCHOLOGICAL_SUPPORT: { sql: surveyedSchools('psychological_support', ALL_LEVELS) },
  SCHOOLS_DISABILITY_ACCESSIBLE: { sql: surveyedSchools('disability_accessible', ALL_LEVELS) },
  REFERRAL_NETWORK_EDU_FACILITIES: { sql: surveyedSchools('referral_network', ECD_LEVELS) },
  ECD_EDU_STAFF_CAREGIVERS_TRAINED: {
    sql: (keys) => `
      SELECT k.i, sum(sv.staff_trained_ecd) AS numerator, sum(sv.staff_total) AS denominator, '${SURVEY_SOURCE}' AS source
        FROM ${keys} k
        JOIN ${locatedRows('school')} t ON ${atUnit('t')}
        JOIN school_survey sv ON sv.school_id = t.id AND sv.year = k.year
       WHERE ${levels(ECD_LEVELS)} AND ${latestSurvey}
       GROUP BY k.i
      HAVING sum(sv.staff_total) > 0`,
  },
  AGE5_PRESCHOOL_ENROLMENT: { sql: age5Enrolment(), bySexSql: age5Enrolment(true) },
  PRIMARY_COMPLETION: { sql: cohortCompletion('completed_primary', [11, 11]), bySexSql: cohortCompletion('completed_primary', [11, 11], true) },
  LOWER_SECONDARY_COMPLETION: {
    sql: cohortCompletion('completed_lower_secondary', [15, 18]),
    bySexSql: cohortCompletion('completed_lower_secondary', [15, 18], true),
  },
  PRIMARY_DROPOUT: { sql: dropout(['GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4', 'GRADE_5']) },
  LOWER_SECONDARY_DROPOUT: { sql: dropout(['GRADE_6', 'GRADE_7', 'GRADE_8', 'GRADE_9']) },
};
