/**
 * A plan's figures as a DHIS2 data value set (`POST /api/dataValueSets`, JSON), so programmes running
 * DHIS2 can take them. The mapping (README, "DHIS2 exchange"):
 *
 * - dataElement: the indicator's value, and for a ratio its numerator and denominator as their own data
 *   elements (DHIS2 sums data elements up its hierarchy and divides in its own indicators, as this system
 *   does: never an average of percentages). Without a mapping they are identified by code:
 *   `<INDICATOR_CODE>`, `<INDICATOR_CODE>_NUM`, `<INDICATOR_CODE>_DEN` (import with
 *   `dataElementIdScheme=CODE`); a mapping file gives UIDs or other codes per indicator.
 * - orgUnit: the official unit code (import with `orgUnitIdScheme=CODE`), or the mapping's.
 * - period: the year, `2025` (DHIS2's yearly period).
 * - categoryOptionCombo: the sex split's `MALE`/`FEMALE` (or the mapping's), absent for totals (DHIS2's
 *   default combination).
 *
 * Pure: progress in, data value set out.
 */
import { z } from 'zod';

import type { CommuneRow, Figure, IndicatorInfo, ProgressRow, SexRow } from './operations.js';

export const dhis2MappingSchema = z
  .object({
    /** Per indicator code: the data elements of its value, numerator and denominator. */
    dataElements: z
      .record(
        z.string(),
        z
          .object({ value: z.string().min(1), numerator: z.string().min(1), denominator: z.string().min(1) })
          .partial()
          .strict(),
      )
      .default({}),
    /** Official unit code → DHIS2 organisation unit (UID or code). */
    orgUnits: z.record(z.string(), z.string().min(1)).default({}),
    /** The category option combinations of the split by sex. */
    categoryOptionCombos: z
      .object({ MALE: z.string().min(1), FEMALE: z.string().min(1) })
      .partial()
      .strict()
      .default({}),
    /** Whether a ratio's numerator and denominator go too (default: yes). */
    numeratorAndDenominator: z.boolean().default(true),
  })
  .strict();

export type Dhis2Mapping = z.infer<typeof dhis2MappingSchema>;

/** The mapping used when none is configured: everything by code. */
export const DEFAULT_DHIS2_MAPPING: Dhis2Mapping = dhis2MappingSchema.parse({});

export interface Dhis2DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo?: string;
  value: string;
  comment?: string;
}

export interface Dhis2DataValueSet {
  dataValues: Dhis2DataValue[];
}

/** A number as DHIS2 takes it: plain decimal notation, at most 6 decimals, no exponent. */
export function dhis2Number(value: number): string {
  const rounded = Number(value.toFixed(6));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

interface Place {
  unitCode: string;
  sex?: 'MALE' | 'FEMALE';
}

function valuesOf(
  mapping: Dhis2Mapping,
  indicator: IndicatorInfo,
  year: number,
  place: Place,
  figure: Pick<Figure, 'numerator' | 'denominator'> | null,
  value: number | null,
  comment: string | null,
): Dhis2DataValue[] {
  const elements = mapping.dataElements[indicator.code] ?? {};
  const base = {
    period: String(year),
    orgUnit: mapping.orgUnits[place.unitCode] ?? place.unitCode,
    ...(place.sex ? { categoryOptionCombo: mapping.categoryOptionCombos[place.sex] ?? place.sex } : {}),
  };
  const out: Dhis2DataValue[] = [];
  if (value !== null)
    out.push({
      dataElement: elements.value ?? indicator.code,
      ...base,
      value: dhis2Number(value),
      ...(comment ? { comment } : {}),
    });
  if (figure && indicator.kind === 'RATIO' && figure.denominator !== null && mapping.numeratorAndDenominator) {
    out.push({
      dataElement: elements.numerator ?? `${indicator.code}_NUM`,
      ...base,
      value: dhis2Number(figure.numerator),
    });
    out.push({
      dataElement: elements.denominator ?? `${indicator.code}_DEN`,
      ...base,
      value: dhis2Number(figure.denominator),
    });
  }
  return out;
}

const sexValues = (mapping: Dhis2Mapping, row: ProgressRow, unitCode: string, groups: SexRow[] | null | undefined) =>
  (groups ?? []).flatMap((g) => valuesOf(mapping, row.indicator, row.year, { unitCode, sex: g.sex }, g, g.value, null));

/** Where a figure comes from and on which ground, as DHIS2's comment on the value. */
function commentOf(figure: Figure | null, territory: { approximate: boolean; note: string | null }): string | null {
  const parts = [
    figure ? `${figure.source}${figure.reported ? ' (số liệu tổng hợp)' : ''}` : null,
    territory.approximate ? territory.note : null,
  ].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join('. ') : null;
}

/** The values of a target's figure in one place (the unit, or one of its communes), with where it comes from. */
const placeValues = (
  mapping: Dhis2Mapping,
  row: ProgressRow,
  place: Pick<CommuneRow, 'unitCode' | 'figure' | 'value' | 'territory'>,
) =>
  valuesOf(
    mapping,
    row.indicator,
    row.year,
    { unitCode: place.unitCode },
    place.figure,
    place.value,
    commentOf(place.figure, place.territory),
  );

/** The data value set of a plan's progress (with its communes and sex split where they were asked). */
export function dhis2DataValueSet(
  progress: ProgressRow[],
  mapping: Dhis2Mapping = DEFAULT_DHIS2_MAPPING,
): Dhis2DataValueSet {
  const dataValues = progress.flatMap((row) => [
    ...placeValues(mapping, row, row),
    ...sexValues(mapping, row, row.unitCode, row.bySex),
    ...(row.communes ?? []).flatMap((c) => placeValues(mapping, row, c)),
    ...(row.communesBySex ?? []).flatMap((c) => sexValues(mapping, row, c.unitCode, c.bySex)),
  ]);
  // Two targets of a plan may read the same indicator: DHIS2 takes one value per data element, period,
  // unit and combination, so the same figure goes once.
  const seen = new Set<string>();
  return {
    dataValues: dataValues.filter((v) => {
      const key = `${v.dataElement}|${v.period}|${v.orgUnit}|${v.categoryOptionCombo ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}
