import DataLoader from 'dataloader';
import { unitKeyString, type UnitKey } from '@ecd/database';
import { toIsoDate } from '@ecd/service-kit';
import type { PrismaClient } from '../generated/prisma/client.js';

const DEFICIT_INDICATORS = ['stunting', 'underweight', 'wasting'] as const;
type DeficitIndicator = (typeof DEFICIT_INDICATORS)[number];

export interface DeficitCount {
  numerator: number;
  denominator: number;
}

export type GrowthStatusSummary = { measuredCount: number } & Record<DeficitIndicator, DeficitCount>;

/** Measurement days, both included; a missing bound is open. */
export interface MeasuredBetween {
  from: Date | null;
  to: Date | null;
}

type SummaryRow = { unit: string; measured: number } & Record<`${DeficitIndicator}_${'numerator' | 'denominator'}`, number>;

const measurementsIn = (level: 'commune' | 'province') => `
  SELECT k.code, k.valid_from, coalesce(t.child_record_id, t.id) AS child, t.id, t.measured_on, t.created_at,
         t.stunting, t.underweight, t.wasting
    FROM unnest($1::text[], $2::date[]) AS k(code, valid_from)
    JOIN growth_measurement t ON t.${level}_code = k.code AND t.${level}_valid_from = k.valid_from
   WHERE ($3::date IS NULL OR t.measured_on >= $3::date) AND ($4::date IS NULL OR t.measured_on <= $4::date)`;

/**
 * One statement for every unit asked: each child's latest measurement in the unit and period (a
 * measurement not linked to a child record stands for a child of its own), then counts per unit.
 * A status is null when its z-score is missing or implausible, so `count(status)` is the denominator.
 */
const GROWTH_STATUS_SQL = `
  WITH latest AS (
    SELECT DISTINCT ON (m.code, m.valid_from, m.child) m.*
      FROM (${measurementsIn('commune')} UNION ALL ${measurementsIn('province')}) AS m
     ORDER BY m.code, m.valid_from, m.child, m.measured_on DESC, m.created_at DESC, m.id DESC
  )
  SELECT code || '@' || valid_from::text AS unit, count(*)::int AS measured,
         ${DEFICIT_INDICATORS.map(
           (s) => `count(*) FILTER (WHERE ${s} <> 'NONE')::int AS ${s}_numerator, count(${s})::int AS ${s}_denominator`,
         ).join(',\n         ')}
    FROM latest
   GROUP BY code, valid_from`;

const summaryOf = (row: SummaryRow | undefined): GrowthStatusSummary => {
  const count = (s: DeficitIndicator) => ({ numerator: row?.[`${s}_numerator`] ?? 0, denominator: row?.[`${s}_denominator`] ?? 0 });
  return { measuredCount: row?.measured ?? 0, stunting: count('stunting'), underweight: count('underweight'), wasting: count('wasting') };
};

/** Batches every unit's growth status for one period in a request into one statement. */
export function createGrowthStatusLoader(prisma: PrismaClient, { from, to }: MeasuredBetween) {
  return new DataLoader<UnitKey, GrowthStatusSummary, string>(
    async (keys) => {
      const rows = await prisma.$queryRawUnsafe<SummaryRow[]>(
        GROWTH_STATUS_SQL,
        keys.map((k) => k.code),
        keys.map((k) => k.validFrom),
        from && toIsoDate(from),
        to && toIsoDate(to),
      );
      const byUnit = new Map(rows.map((row) => [row.unit, row]));
      return keys.map((k) => summaryOf(byUnit.get(unitKeyString(k))));
    },
    { cacheKeyFn: unitKeyString },
  );
}
