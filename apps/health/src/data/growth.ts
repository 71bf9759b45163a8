import DataLoader from 'dataloader';
import { z } from 'zod';

import { column, empty, identifier, join, loaderPerArgument, queryRows, rowsByParentLoader, sql } from '@ecd/database';
import {
  isProblem,
  isUuid,
  locateCommuneOn,
  problem,
  rejectArgument,
  rejectInput,
  todayInVietnam,
  toIsoDate,
  unitKeyString,
  type InputProblem,
  type ScopeGuard,
  type UnitKey,
} from '@ecd/service-kit';

import {
  growthScores,
  measuredBetweenProblems,
  measurementProblems,
  type MeasuredBetween,
  type MeasurementValues,
} from '../domain/growth-measurement.js';
import { communeAndProvince } from '../domain/location.js';
import type { GrowthMeasurement, PrismaClient } from '../generated/prisma/client.js';
import { afterMeasurementRecorded } from './tallies.js';
import type { Reader, Writer } from './writer.js';

export interface GrowthMeasurementInput extends Omit<MeasurementValues, 'oedema'> {
  childRecordId?: string | null | undefined;
  oedema?: boolean | null | undefined;
  communeCode: string;
}

const DEFICIT_INDICATORS = ['stunting', 'underweight', 'wasting'] as const;
type DeficitIndicator = (typeof DEFICIT_INDICATORS)[number];

export interface DeficitCount {
  numerator: number;
  denominator: number;
}

export type GrowthStatusSummary = { measuredCount: number } & Record<DeficitIndicator, DeficitCount>;

const summaryRow = z.object({
  unit: z.string(),
  measured: z.number(),
  stunting_numerator: z.number(),
  stunting_denominator: z.number(),
  underweight_numerator: z.number(),
  underweight_denominator: z.number(),
  wasting_numerator: z.number(),
  wasting_denominator: z.number(),
});
type SummaryRow = z.output<typeof summaryRow>;

/** The measurements of the units asked (`k`) in the period, matched at one level. */
const measurementsIn = (level: 'commune' | 'province', keys: readonly UnitKey[], { from, to }: MeasuredBetween) => sql`
  SELECT k.code, k.valid_from, coalesce(t.child_record_id, t.id) AS child, t.id, t.measured_on, t.created_at,
         t.stunting, t.underweight, t.wasting
    FROM unnest(${keys.map((k) => k.code)}::text[], ${keys.map((k) => k.validFrom)}::date[]) AS k(code, valid_from)
    JOIN growth_measurement t ON ${column('t', `${level}_code`)} = k.code AND ${column('t', `${level}_valid_from`)} = k.valid_from
   WHERE true ${from ? sql`AND t.measured_on >= ${toIsoDate(from)}::date` : empty} ${to ? sql`AND t.measured_on <= ${toIsoDate(to)}::date` : empty}`;

/**
 * One statement for every unit asked: each child's latest measurement in the unit and period (a
 * measurement not linked to a child record stands for a child of its own), then counts per unit.
 * A status is null when its z-score is missing or implausible, so `count(status)` is the denominator.
 */
const growthStatusSql = (keys: readonly UnitKey[], period: MeasuredBetween) => sql`
  WITH latest AS (
    SELECT DISTINCT ON (m.code, m.valid_from, m.child) m.*
      FROM (${measurementsIn('commune', keys, period)} UNION ALL ${measurementsIn('province', keys, period)}) AS m
     ORDER BY m.code, m.valid_from, m.child, m.measured_on DESC, m.created_at DESC, m.id DESC
  )
  SELECT code || '@' || valid_from::text AS unit, count(*)::int AS measured,
         ${join(
           DEFICIT_INDICATORS.map(
             (s) =>
               sql`count(*) FILTER (WHERE ${identifier(s)} <> 'NONE')::int AS ${identifier(`${s}_numerator`)}, count(${identifier(s)})::int AS ${identifier(`${s}_denominator`)}`,
           ),
           ',\n         ',
         )}
    FROM latest
   GROUP BY code, valid_from`;

const summaryOf = (row: SummaryRow | undefined): GrowthStatusSummary => {
  const count = (s: DeficitIndicator) => ({
    numerator: row?.[`${s}_numerator`] ?? 0,
    denominator: row?.[`${s}_denominator`] ?? 0,
  });
  return {
    measuredCount: row?.measured ?? 0,
    stunting: count('stunting'),
    underweight: count('underweight'),
    wasting: count('wasting'),
  };
};

/** Batches every unit's growth status for one period in a request into one statement. */
function createGrowthStatusLoader(prisma: PrismaClient, period: MeasuredBetween) {
  return new DataLoader<UnitKey, GrowthStatusSummary, string>(
    async (keys) => {
      const rows = await queryRows(prisma, summaryRow, growthStatusSql(keys, period));
      const byUnit = new Map(rows.map((row) => [row.unit, row]));
      return keys.map((k) => summaryOf(byUnit.get(unitKeyString(k))));
    },
    { cacheKeyFn: unitKeyString },
  );
}

/**
 * A linked child record must exist and be the same child: the z-scores depend on its sex and birth date.
 * It must be registered in the person's territory (refused before its sex and birth date are compared).
 */
async function childRecordProblems(
  prisma: PrismaClient,
  input: GrowthMeasurementInput,
  scope: ScopeGuard,
): Promise<InputProblem[]> {
  if (input.childRecordId == null) return [];
  const child = isUuid(input.childRecordId)
    ? await prisma.childRecord.findUnique({ where: { id: input.childRecordId } })
    : null;
  if (!child) return [problem('childRecordId', 'UNKNOWN_CHILD_RECORD', 'Không có trẻ này trong sổ quản lý trẻ em.')];
  scope.assertCovers({ code: child.communeCode, validFrom: child.communeValidFrom }, 'input.childRecordId');
  const problems: InputProblem[] = [];
  if (child.sex !== input.sex)
    problems.push(problem('sex', 'CHILD_RECORD_MISMATCH', 'Giới tính khác với sổ quản lý trẻ em.'));
  if (child.birthDate.getTime() !== input.birthDate.getTime())
    problems.push(problem('birthDate', 'CHILD_RECORD_MISMATCH', 'Ngày sinh khác với sổ quản lý trẻ em.'));
  return problems;
}

/**
 * Checks the whole input, then stores the measurement with its z-scores and statuses. All problems are
 * reported at once; nothing is written if there is one. The commune of the measurement and the linked
 * child's must lie in the person's territory.
 */
async function recordGrowthMeasurement(
  prisma: PrismaClient,
  input: GrowthMeasurementInput,
  { identity, access }: Writer,
) {
  const values: MeasurementValues = { ...input, oedema: input.oedema ?? false };
  // The commune valid on the measurement day and its province, as growth_measurement stores them.
  const location = locateCommuneOn('communeCode', input.communeCode, input.measuredOn);
  if (!isProblem(location))
    access.assertCovers({ code: location.communeCode, validFrom: location.communeValidFrom }, 'input.communeCode');
  const problems = [
    ...measurementProblems(values, todayInVietnam()),
    ...(isProblem(location) ? [location] : []),
    ...(await childRecordProblems(prisma, input, access)),
  ];
  // A location that is a problem is in `problems`; testing it again tells TypeScript the rest is a location.
  if (problems.length || isProblem(location)) return rejectInput('Số đo', 'INVALID_GROWTH_MEASUREMENT', problems);
  return prisma.$transaction(async (tx) => {
    const measurement = await tx.growthMeasurement.create({
      data: {
        childRecordId: input.childRecordId ?? null,
        sex: values.sex,
        birthDate: values.birthDate,
        measuredOn: values.measuredOn,
        weightKg: values.weightKg,
        lengthHeightCm: values.lengthHeightCm,
        measured: values.measured,
        oedema: values.oedema,
        ...growthScores(values),
        ...communeAndProvince(location),
        recordedBy: identity.userId,
      },
    });
    await afterMeasurementRecorded(tx, measurement.id);
    return measurement;
  });
}

/** Growth measurements (cân đo) with their WHO z-scores, and the growth status of the children of a unit. */
export function growthData(prisma: PrismaClient) {
  const ofRecord = rowsByParentLoader<GrowthMeasurement>(
    (ids) =>
      prisma.growthMeasurement.findMany({
        where: { childRecordId: { in: ids } },
        orderBy: [{ measuredOn: 'asc' }, { id: 'asc' }],
      }),
    (row) => row.childRecordId,
  );
  const statusByPeriod = loaderPerArgument<DataLoader<UnitKey, GrowthStatusSummary, string>>();
  const day = (date: Date | null) => (date ? toIsoDate(date) : '');
  return {
    /**
     * The measurements linked to a child record, by date. Measurements carry the commune where they were
     * taken: one taken in a commune outside the person's territory is left out.
     */
    ofRecord: async (childRecordId: string, reader: Reader) =>
      (await ofRecord.load(childRecordId)).filter((m) =>
        reader.covers({ code: m.communeCode, validFrom: m.communeValidFrom }),
      ),
    /** Growth status of the children under 5 measured in a unit in a period (bounds included, a missing one open). */
    statusOf(unit: UnitKey, period: MeasuredBetween) {
      const [periodProblem] = measuredBetweenProblems(period);
      if (periodProblem) rejectArgument(periodProblem);
      return statusByPeriod(`${day(period.from)}..${day(period.to)}`, () =>
        createGrowthStatusLoader(prisma, period),
      ).load(unit);
    },
    record: (input: GrowthMeasurementInput, writer: Writer) => recordGrowthMeasurement(prisma, input, writer),
  };
}
