import { atUnit, empty, figureRows, sql, type ComputedIndicators, type Sql } from '@ecd/database';
import { rebuiltDistricts, REFORM_DATE } from '@ecd/reference-data';

type CountedLevel = 'COMMUNE' | 'DISTRICT';

/**
 * Units (of `level`) counted in the requested unit `k` from administrative_unit: the unit itself, its
 * children, and its grandchildren (communes below a 2024 province lie under its districts).
 */
// The unit itself is found by its key; comparing the level as text keeps PostgreSQL from scanning
// every unit of that level instead (0.3 ms a key, 90 ms for a province and its communes).
const unitsBelow = (level: CountedLevel): Sql => sql`(
    SELECT count(*) FROM administrative_unit u
     WHERE u.code = k.code AND u.valid_from = k.valid_from AND u.level::text = ${level}::text)
  + (SELECT count(*) FROM administrative_unit u
     WHERE u.level = ${level}::"UnitLevel" AND u.parent_code = k.code AND u.parent_valid_from = k.valid_from)
  + (SELECT count(*) FROM administrative_unit p
       JOIN administrative_unit u ON u.parent_code = p.code AND u.parent_valid_from = p.valid_from
     WHERE u.level = ${level}::"UnitLevel" AND p.parent_code = k.code AND p.parent_valid_from = k.valid_from)`;

/** The assessments of one level: communes, or (before the reform) districts without a commune. */
const assessedAt = (level: CountedLevel): Sql =>
  level === 'COMMUNE' ? sql`t.commune_code IS NOT NULL` : sql`t.commune_code IS NULL AND t.district_code IS NOT NULL`;

/** Per key row of the units valid at the end of its year: units of `level` in it, those assessed, those working. */
const assessedUnits = (level: CountedLevel, keys: Sql): Sql => sql`
    SELECT k.i, (${unitsBelow(level)}) AS units, n.working, n.assessed
      FROM ${keys} k
     CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE t.working) AS working, count(*) AS assessed
          FROM ${figureRows('referral_network')} t
         WHERE t.year = k.year AND ${assessedAt(level)} AND ${atUnit('t')}
      ) n
     WHERE k.at_year_end`;

let rebuilt: ReturnType<typeof rebuiltDistricts> | undefined;

/**
 * After the reform there are no districts: each old district is rebuilt from the current communes
 * attributed to it (reference-data's rebuiltDistricts) and counts as having a working network when more
 * than half of those communes had one that year. Approximate by nature; the progress says so.
 */
const rebuiltDistrictUnits = (keys: Sql): Sql => {
  rebuilt ??= rebuiltDistricts();
  return sql`
    SELECT k.i, 1 AS units, (d.working * 2 > d.communes)::int AS working, d.assessed
      FROM ${keys} k
      JOIN LATERAL (
        SELECT r.district, count(*) AS communes, count(a.id) FILTER (WHERE a.working) AS working, count(a.id) AS assessed
          FROM unnest(${rebuilt.map((r) => r.districtCode)}::text[], ${rebuilt.map((r) => r.communeCode)}::text[], ${rebuilt.map((r) => r.provinceCode)}::text[])
               AS r(district, commune, province)
          LEFT JOIN referral_network a
            ON a.commune_code = r.commune AND a.commune_valid_from = ${REFORM_DATE}::date AND a.year = k.year
         WHERE r.commune = k.code OR r.province = k.code
         GROUP BY r.district) d ON true
     WHERE k.at_year_end AND k.valid_from = ${REFORM_DATE}::date`;
};

/**
 * Share of units with a working referral network: units of the level (communes; districts, rebuilt
 * from today's communes after the reform) working in the year over every such unit of the ground, in
 * the units valid at the end of the year. A ground where no unit was assessed that year has no figure.
 */
const networkShare = (level: CountedLevel, source: string) => ({
  sql: (keys: Sql) => sql`
    SELECT u.i, sum(u.working) AS numerator, sum(u.units) AS denominator, ${source}::text AS source
      FROM (${assessedUnits(level, keys)}${level === 'DISTRICT' ? sql` UNION ALL ${rebuiltDistrictUnits(keys)}` : empty}) u
     GROUP BY u.i
    HAVING sum(u.assessed) > 0`,
});

/** Indicators counting districts: after the reform their figure comes from rebuilt districts, approximate. */
export const REBUILT_DISTRICT_INDICATORS: ReadonlySet<string> = new Set(['REFERRAL_NETWORK_DISTRICTS']);

/** LĐTBXH's indicators computed from its records rather than reported in aggregate. */
export const SOCIAL_AFFAIRS_COMPUTED: ComputedIndicators = {
  // Sum of the participants of the sessions held in the unit in the year.
  PARENTING_PROGRAMME_PARTICIPANTS: {
    sql: (keys) => sql`
      SELECT k.i, sum(t.participants) AS numerator, NULL::float8 AS denominator, ${'Sổ buổi sinh hoạt chương trình giáo dục làm cha mẹ (LĐTBXH)'}::text AS source
        FROM ${keys} k
        JOIN ${figureRows('parenting_session')} t ON t.held_on >= make_date(k.year, 1, 1) AND t.held_on < make_date(k.year + 1, 1, 1) AND ${atUnit('t')}
       GROUP BY k.i`,
  },
  // Pilot models located in the unit and active at some time in the year (started by its end, not ended before its start).
  ECD_PILOT_MODELS: {
    sql: (keys) => sql`
      SELECT k.i, count(*) AS numerator, NULL::float8 AS denominator, ${'Sổ mô hình thí điểm (LĐTBXH)'}::text AS source
        FROM ${keys} k
        JOIN ${figureRows('pilot_model')} t ON t.started_on <= make_date(k.year, 12, 31) AND (t.ended_on IS NULL OR t.ended_on >= make_date(k.year, 1, 1)) AND ${atUnit('t')}
       GROUP BY k.i`,
  },
  REFERRAL_NETWORK_COMMUNES: networkShare('COMMUNE', 'Đánh giá mạng lưới kết nối và chuyển tuyến cấp xã (LĐTBXH)'),
  REFERRAL_NETWORK_DISTRICTS: networkShare('DISTRICT', 'Đánh giá mạng lưới kết nối và chuyển tuyến cấp huyện (LĐTBXH)'),
};
