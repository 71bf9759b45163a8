import { z } from 'zod';

/**
 * The agency registry plans refer to, kept as a data file: agencies (cơ quan) with the sector functions
 * they perform over time. Like plans, a province edits it, not code. (The indicator registry is
 * reference data every subgraph reads: @ecd/reference-data.)
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const code = z.string().regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'must be upper-case letters, digits, - and _');
const unitCode = z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'must be an official unit code of 2, 3 or 5 digits');

export const AGENCY_KINDS = [
  'GOVERNMENT',
  'MINISTRY',
  'PEOPLES_COMMITTEE',
  'DEPARTMENT',
  'DISTRICT_OFFICE',
  'MASS_ORGANISATION',
  'OTHER',
] as const;
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
    unit: z
      .object({ code: unitCode, asOf: isoDate })
      .strict()
      .nullable()
      .describe('The unit the agency serves; null for national bodies'),
    ...interval,
    functions: z
      .array(z.object({ function: z.enum(SECTOR_FUNCTIONS), ...interval }).strict())
      .default([])
      .describe(
        'Sector functions performed, each over an interval: the 2025 reorganisation moved some between agencies',
      ),
  })
  .strict();

export const agencyRegistrySchema = z.object({ agencies: z.array(agencySchema) }).strict();

export type AgencyEntry = z.infer<typeof agencySchema>;
