import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The indicator registry (chỉ tiêu), kept as a data file every subgraph reads: LĐTBXH loads it for the
 * plans that refer to it, each sector takes from it the indicators it owns. A province edits it, not code.
 */

const code = z.string().regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'must be upper-case letters, digits, - and _');

/** The subgraph that owns (computes or collects) an indicator. */
export const SECTORS = ['HEALTH', 'EDUCATION', 'CULTURE', 'SOCIAL_AFFAIRS'] as const;
export type IndicatorSector = (typeof SECTORS)[number];
export const INDICATOR_KINDS = ['RATIO', 'COUNT', 'BOOLEAN'] as const;
export const DISAGGREGATIONS = ['SEX', 'AGE_BAND', 'ETHNIC_MINORITY', 'DISABILITY', 'URBAN_RURAL'] as const;

export const indicatorSchema = z
  .object({
    code,
    name: z.string().min(1).describe('Vietnamese name'),
    sector: z.enum(SECTORS),
    kind: z.enum(INDICATOR_KINDS).describe('RATIO: numerator/denominator; COUNT: a number; BOOLEAN: yes/no per unit'),
    numerator: z.string().optional().describe('RATIO: what is counted above the line'),
    denominator: z.string().optional().describe('RATIO: what is counted below the line'),
    factor: z.number().positive().default(1).describe('100 for a percentage'),
    direction: z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']),
    population: z.string().min(1).describe('Who or what is counted: children 0-8, under-5s, schools, communes...'),
    disaggregations: z.array(z.enum(DISAGGREGATIONS)).default([]),
    /** Always by sums of numerators and denominators (or of counts), never by averaging percentages. */
    aggregation: z.enum(['SUM_RATIO', 'SUM']).describe('SUM_RATIO: sum numerators and denominators; SUM: sum counts'),
  })
  .strict()
  .superRefine((indicator, ctx) => {
    if (indicator.kind === 'RATIO' && (!indicator.numerator || !indicator.denominator)) {
      ctx.addIssue({
        code: 'custom',
        path: ['numerator'],
        message: 'a RATIO indicator defines its numerator and denominator',
      });
    }
    if ((indicator.kind === 'RATIO') !== (indicator.aggregation === 'SUM_RATIO')) {
      ctx.addIssue({
        code: 'custom',
        path: ['aggregation'],
        message: 'RATIO aggregates by SUM_RATIO; COUNT and BOOLEAN by SUM',
      });
    }
  });

export const indicatorRegistrySchema = z.object({ indicators: z.array(indicatorSchema) }).strict();
export type IndicatorEntry = z.infer<typeof indicatorSchema>;

const REGISTRY_FILE = new URL('../data/indicators.yaml', import.meta.url);
let registry: readonly IndicatorEntry[] | undefined;

/** The registry's indicators (read and checked once per process); an invalid file throws with every problem. */
export function readIndicatorRegistry(): readonly IndicatorEntry[] {
  if (!registry) {
    const parsed = indicatorRegistrySchema.safeParse(parse(readFileSync(REGISTRY_FILE, 'utf8')));
    if (!parsed.success) {
      throw new Error(
        `data/indicators.yaml is invalid:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
      );
    }
    registry = parsed.data.indicators;
  }
  return registry;
}

/** The codes of the indicators a sector owns, as the registry says. */
export const indicatorsOwnedBy = (sector: IndicatorSector): ReadonlySet<string> =>
  new Set(
    readIndicatorRegistry()
      .filter((indicator) => indicator.sector === sector)
      .map((indicator) => indicator.code),
  );
