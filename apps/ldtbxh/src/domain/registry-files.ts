import { z } from 'zod';

import { parseInputDate } from '@ecd/service-kit';

import type { DocumentFields } from './document-problems.js';

/**
 * The agency registry plans refer to, kept as data: agencies (cơ quan) with the sector functions they
 * perform over time. The standard agencies of every unit are generated (agency-catalogue.ts);
 * data/agencies.yaml adds the others and corrects generated ones; a province adds or corrects its own
 * through `importAgencies` (or the `agencies` command), in this same format. (The indicator registry is
 * reference data every subgraph reads: @ecd/reference-data.)
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(ISO_DATE)
  // A day PostgreSQL stores as written: not 2025-02-30 (Date rolls it over to 2 March), not year 0.
  .superRefine((value, context) => {
    if (ISO_DATE.test(value) && parseInputDate(value) === undefined)
      context.addIssue({
        code: 'custom',
        message: `"${value}" không phải một ngày có thật (năm từ 1900 đến 2100).`,
        params: { reason: 'INVALID_DATE' },
      });
  });
/** As plan files name agencies (plan-file.ts), so a plan can name every agency of the registry. */
export const AGENCY_CODE = /^[A-Z0-9][A-Z0-9_-]*$/;
const code = z.string().max(40).regex(AGENCY_CODE);
const unitCode = z.string().regex(/^(\d{2}|\d{3}|\d{5})$/);

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
export type SectorFunctionName = (typeof SECTOR_FUNCTIONS)[number];

/** The most agencies one document (the registry file, an import) holds: every commune of a province and more. */
export const AGENCY_DOCUMENT_LIMIT = 5000;

const interval = { validFrom: isoDate, validTo: isoDate.nullable().default(null) };

export const agencySchema = z
  .object({
    code,
    name: z.string().trim().min(1).max(300).describe('Vietnamese name, e.g. Sở Y tế tỉnh Lạng Sơn'),
    kind: z.enum(AGENCY_KINDS),
    unit: z
      .object({ code: unitCode, asOf: isoDate })
      .strict()
      .nullable()
      .describe('The unit the agency serves, by code and a day it existed; null for national bodies'),
    ...interval,
    functions: z
      .array(z.object({ function: z.enum(SECTOR_FUNCTIONS), ...interval }).strict())
      .max(50)
      .default([])
      .describe(
        'Sector functions performed, each over an interval: the 2025 reorganisation moved some between agencies',
      ),
  })
  .strict();

export const agencyRegistrySchema = z.object({ agencies: z.array(agencySchema).max(AGENCY_DOCUMENT_LIMIT) }).strict();

export type AgencyEntry = z.infer<typeof agencySchema>;

const DATE_RULE = {
  rule: 'một ngày có thật, dạng YYYY-MM-DD (ví dụ 2025-03-01)',
  reason: 'INVALID_DATE',
} as const;
const FUNCTION_NAMES = {
  COORDINATION: 'điều phối',
  HEALTH: 'y tế',
  EDUCATION: 'giáo dục',
  CULTURE: 'văn hóa',
  SOCIAL_PROTECTION: 'bảo trợ xã hội',
  CHILD_PROTECTION: 'bảo vệ, chăm sóc trẻ em',
  LABOUR: 'lao động',
  FINANCE: 'tài chính',
  PLANNING: 'kế hoạch, đầu tư',
  INFORMATION: 'thông tin, truyền thông',
  MASS_MOBILISATION: 'vận động quần chúng',
} as const satisfies Record<SectorFunctionName, string>;

/** Every field of an agency document, as its problems name them (document-problems.ts). */
export const AGENCY_FILE_FIELDS: DocumentFields = {
  '': { label: 'Tệp danh mục cơ quan', rule: 'trường agencies (danh sách cơ quan)' },
  agencies: { label: 'Danh sách cơ quan' },
  'agencies[]': {
    label: 'Cơ quan',
    rule: 'các trường code, name, kind, unit, validFrom, validTo, functions',
  },
  'agencies[].code': {
    label: 'Mã cơ quan',
    rule: 'chữ in hoa không dấu, chữ số, dấu gạch ngang và gạch dưới, ví dụ SYT-11',
    reason: 'MALFORMED_AGENCY_CODE',
  },
  'agencies[].name': { label: 'Tên cơ quan' },
  'agencies[].kind': {
    label: 'Loại cơ quan',
    values: {
      GOVERNMENT: 'Chính phủ',
      MINISTRY: 'bộ, ngành trung ương',
      PEOPLES_COMMITTEE: 'Ủy ban nhân dân',
      DEPARTMENT: 'sở',
      DISTRICT_OFFICE: 'phòng cấp huyện',
      MASS_ORGANISATION: 'tổ chức chính trị - xã hội',
      OTHER: 'khác',
    },
  },
  'agencies[].unit': {
    label: 'Đơn vị hành chính của cơ quan',
    nullable: true,
    rule: 'các trường code và asOf, hoặc null với cơ quan trung ương',
  },
  'agencies[].unit.code': {
    label: 'Mã đơn vị hành chính của cơ quan',
    rule: 'mã đơn vị hành chính gồm 2 (tỉnh), 3 (huyện) hoặc 5 (xã) chữ số, ví dụ "11"',
    reason: 'MALFORMED_UNIT_CODE',
  },
  'agencies[].unit.asOf': { label: 'Ngày xác định đơn vị hành chính của cơ quan', ...DATE_RULE },
  'agencies[].validFrom': { label: 'Ngày bắt đầu hoạt động', ...DATE_RULE },
  'agencies[].validTo': { label: 'Ngày kết thúc hoạt động', nullable: true, ...DATE_RULE },
  'agencies[].functions': { label: 'Danh sách chức năng' },
  'agencies[].functions[]': { label: 'Chức năng', rule: 'các trường function, validFrom, validTo' },
  'agencies[].functions[].function': { label: 'Chức năng', values: FUNCTION_NAMES },
  'agencies[].functions[].validFrom': { label: 'Ngày bắt đầu thực hiện chức năng', ...DATE_RULE },
  'agencies[].functions[].validTo': { label: 'Ngày kết thúc thực hiện chức năng', nullable: true, ...DATE_RULE },
};
