/**
 * The hand-written SQL lower bound of the progress read: per subgraph, the one statement a person
 * would write to compute that subgraph's figures for the province and every commune at once (one
 * pass, grouped by commune with the province as the ROLLUP total), run directly on its database. The
 * subgraphs' own statements answer any set of units at any level, so they scan the province's rows
 * once for the communes and once for the province: the difference is the price of that generality,
 * and everything above these times (GraphQL, HTTP, the plan's targets and milestones) is the
 * federation's.
 */
import type { SubgraphName } from './config.js';

const inProvince = (alias: string) => `${alias}.province_code = $1 AND ${alias}.province_valid_from = $2::date`;

export const LOWER_BOUND_SQL: Partial<Record<SubgraphName, string>> = {
  // Health answers from the running totals it keeps per commune (apps/health/src/data/tallies.ts).
  health: `
    SELECT indicator_code AS indicator, commune_code, sum(numerator) AS n, sum(denominator) AS d
      FROM health_figure_tally t
     WHERE ${inProvince('t')} AND year = $3
     GROUP BY indicator_code, ROLLUP (commune_code)`,
  education: `
    WITH survey AS (SELECT DISTINCT ON (v.school_id) v.*, s.commune_code FROM school_survey v JOIN school s ON s.id = v.school_id
                     WHERE ${inProvince('s')} AND v.year = $3 ORDER BY v.school_id, v.version DESC),
         enrolment AS (SELECT DISTINCT ON (r.school_id) r.id, s.commune_code, s.level FROM enrolment_report r JOIN school s ON s.id = r.school_id
                        WHERE ${inProvince('s')} AND r.year = $3 ORDER BY r.school_id, r.version DESC),
         population AS (SELECT DISTINCT ON (p.commune_code) p.id, p.commune_code FROM child_population_report p
                         WHERE ${inProvince('p')} AND p.year = $3 ORDER BY p.commune_code, p.version DESC)
    SELECT 'SCHOOLS_WITH_SANITATION' AS indicator, commune_code, count(*) FILTER (WHERE clean_water_sanitation) AS n, count(*) AS d
      FROM survey GROUP BY ROLLUP (commune_code)
    UNION ALL
    SELECT 'AGE5_PRESCHOOL_ENROLMENT', coalesce(e.commune_code, p.commune_code), sum(e.pupils), sum(p.children)
      FROM (SELECT e.commune_code, sum(c.pupils) AS pupils FROM enrolment e JOIN enrolment_count c ON c.report_id = e.id
             WHERE e.level = 'PRESCHOOL' AND c.age = 5 GROUP BY e.commune_code) e
      FULL JOIN (SELECT p.commune_code, sum(c.children) AS children FROM population p JOIN child_population_count c ON c.report_id = p.id
                  WHERE c.age = 5 GROUP BY p.commune_code) p ON p.commune_code = e.commune_code
     GROUP BY ROLLUP (coalesce(e.commune_code, p.commune_code))
    UNION ALL
    SELECT 'PRIMARY_DROPOUT', e.commune_code, sum(f.dropping_out), sum(f.enrolled_at_start)
      FROM enrolment e JOIN grade_flow f ON f.report_id = e.id
     WHERE f.grade IN ('GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4', 'GRADE_5')
     GROUP BY ROLLUP (e.commune_code)`,
  ldtbxh: `
    SELECT indicator_code AS indicator, commune_code, sum(numerator) AS n, sum(denominator) AS d
      FROM indicator_value t
     WHERE ${inProvince('t')} AND year = $3 AND indicator_code IN ('ECD_SERVICE_ACCESS_0_8', 'ECD_STAFF_CAREGIVERS_TRAINED')
     GROUP BY indicator_code, ROLLUP (commune_code)
    UNION ALL
    SELECT 'REFERRAL_NETWORK_COMMUNES', u.code, count(*) FILTER (WHERE n.working), count(*)
      FROM administrative_unit u
      LEFT JOIN referral_network n ON n.unit_code = u.code AND n.unit_valid_from = u.valid_from AND n.year = $3
     WHERE u.parent_code = $1 AND u.parent_valid_from = $2::date AND u.level = 'COMMUNE'
     GROUP BY ROLLUP (u.code)`,
};
