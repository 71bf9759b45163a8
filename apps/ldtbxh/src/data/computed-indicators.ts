import { atUnit, locatedRows, sql, type ComputedIndicators, type Sql } from '@ecd/database';

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

/**
 * Share of units with a working referral network: assessments of the unit's communes (or 2024
 * districts) in the year over every commune (district) of the unit in administrative_unit. A unit
 * where no such unit was assessed that year has no figure.
 */
const networkShare = (level: CountedLevel, source: string) => ({
  sql: (keys: Sql) => sql`
    SELECT k.i, n.working AS numerator, (${unitsBelow(level)}) AS denominator, ${source}::text AS source
      FROM ${keys} k
      JOIN LATERAL (
        SELECT count(*) FILTER (WHERE t.working) AS working, count(*) AS assessed
          FROM ${locatedRows('referral_network')} t
         WHERE t.year = k.year AND ${assessedAt(level)}
           AND ${atUnit('t')}
      ) n ON n.assessed > 0`,
});

/** LĐTBXH's indicators computed from its records rather than reported in aggregate. */
export const SOCIAL_AFFAIRS_COMPUTED: ComputedIndicators = {
  // Sum of the participants of the sessions held in the unit in the year.
  PARENTING_PROGRAMME_PARTICIPANTS: {
    sql: (keys) => sql`
      SELECT k.i, sum(t.participants) AS numerator, NULL::float8 AS denominator, ${'Sổ buổi sinh hoạt chương trình giáo dục làm cha mẹ (LĐTBXH)'}::text AS source
        FROM ${keys} k
        JOIN ${locatedRows('parenting_session')} t ON t.held_on >= make_date(k.year, 1, 1) AND t.held_on < make_date(k.year + 1, 1, 1) AND ${atUnit('t')}
       GROUP BY k.i`,
  },
  // Pilot models located in the unit and active at some time in the year (started by its end, not ended before its start).
  ECD_PILOT_MODELS: {
    sql: (keys) => sql`
      SELECT k.i, count(*) AS numerator, NULL::float8 AS denominator, ${'Sổ mô hình thí điểm (LĐTBXH)'}::text AS source
        FROM ${keys} k
        JOIN ${locatedRows('pilot_model')} t ON t.started_on <= make_date(k.year, 12, 31) AND (t.ended_on IS NULL OR t.ended_on >= make_date(k.year, 1, 1)) AND ${atUnit('t')}
       GROUP BY k.i`,
  },
  REFERRAL_NETWORK_COMMUNES: networkShare('COMMUNE', 'Đánh giá mạng lưới kết nối và chuyển tuyến cấp xã (LĐTBXH)'),
  REFERRAL_NETWORK_DISTRICTS: networkShare('DISTRICT', 'Đánh giá mạng lưới kết nối và chuyển tuyến cấp huyện (LĐTBXH)'),
};
