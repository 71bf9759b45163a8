import { z } from 'zod';

/**
 * The registries plans refer to, kept as data files: indicators (chỉ tiêu) and agencies (cơ quan)
 * with the sector functions they perform over time. Like plans, a province edits them, not code.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const code = z.string().regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'must be upper-case letters, digits, - and _');
const unitCode = z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'must be an official unit code of 2, 3 or 5 digits');

/** The subgraph that owns (computes or collects) an indicator. */
export const SECTORS = ['HEALTH', 'EDUCATION', 'CULTURE', 'SOCIAL_AFFAIRS'] as const;
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
      ctx.addIssue({ code: 'custom', path: ['numerator'], message: 'a RATIO indicator defines its numerator and denominator' });
    }
    if ((indicator.kind === 'RATIO') !== (indicator.aggregation === 'SUM_RATIO')) {
      ctx.addIssue({ code: 'custom', path: ['aggregation'], message: 'RATIO aggregates by SUM_RATIO; COUNT and BOOLEAN by SUM' });
    }
  });

export const AGENCY_KINDS = ['GOVERNMENT', 'MINISTRY', 'PEOPLES_COMMITTEE', 'DEPARTMENT', 'DISTRICT_OFFICE', 'MASS_ORGANISATION', 'OTHER'] as const;
export const SECTOR_FUNCTIONS = [
  'COORDINATION',
  'HEALTH',
  'EDUCATION',
  'CULTURE',
  'SOCIAL_PROTECTION',
  'CHILD_PROTECTION',
  'LABOUR',
  'FINANCE',
  'PLANNING',
  'INFORMATION',
  'MASS_MOBILISATION',
] as const;

const interval = { validFrom: isoDate, validTo: isoDate.nullable().default(null) };

export const agencySchema = z
  .object({
    code,
    name: z.string().min(1).describe('Vietnamese name, e.g. Sở Y tế tỉnh Lạng Sơn'),
    kind: z.enum(AGENCY_KINDS),
    unit: z.object({ code: unitCode, asOf: isoDate }).strict().nullable().describe('The unit the agency serves; null for national bodies'),
    ...interval,
    functions: z
      .array(z.object({ function: z.enum(SECTOR_FUNCTIONS), ...interval }).strict())
      .default([])
      .describe('Sector functions performed, each over an interval: the 2025 reorganisation moved some between agencies'),
  })
  .strict();

export const indicatorRegistrySchema = z.object({ indicators: z.array(indicatorSchema) }).strict();
export const agencyRegistrySchema = z.object({ agencies: z.array(agencySchema) }).strict();

export type IndicatorEntry = z.infer<typeof indicatorSchema>;
export type AgencyEntry = z.infer<typeof agencySchema>;
