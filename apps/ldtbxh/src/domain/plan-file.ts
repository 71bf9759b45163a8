import { z } from 'zod';

import { MAX_TEXT_LENGTH, parseCalendarDay } from '@ecd/service-kit';

import type { DocumentFields } from './document-problems.js';

/**
 * The plan file format: how a province onboards a plan (đề án, kế hoạch) as data, without code.
 * Files are YAML (or JSON); `data/plan.schema.json` is generated from this definition for editors.
 * Identifiers are English; texts people read are Vietnamese, as the plan states them.
 *
 * Every field is listed in PLAN_FILE_FIELDS with its Vietnamese name and, where it has a set form
 * (a code, a date, a year), the rule and the catalogued reason of a value breaking it: problemsFromZod
 * (plan-validation.ts) turns each schema violation into a problem on the field's path with them.
 */

/**
 * Years a plan file may name (its period, milestones, reviews, the days it gives): from 1990, when
 * Viet Nam ratified the Convention on the Rights of the Child and its first programmes for children
 * began, to 2050, past the 2045 horizon of the longest national strategies.
 */
export const PLAN_YEARS = { min: 1990, max: 2050 } as const;

/** The longest texts a plan file takes, in characters (after trimming spaces at either end). */
export const PLAN_TEXT_LIMITS = {
  /** Codes: a target's number in the plan ("1.a", "CT-17"), an indicator's or an agency's code. */
  code: 50,
  /** A plan's key. */
  key: 100,
  /** An official number, e.g. 1437/QĐ-TTg. */
  number: 50,
  /** A plan's title (trích yếu), a task's title, a budget source. */
  title: 500,
  /** A target as the plan words it, where the text comes from. */
  text: MAX_TEXT_LENGTH,
  /** The general goal, a task's description: a few paragraphs. */
  longText: 5000,
} as const;

/** The most items a list of a plan file takes: far more than any plan holds, so that a runaway list is caught. */
export const PLAN_LIST_LIMITS = { targets: 500, milestones: 100, tasks: 500, agencies: 100, reporting: 50 } as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PLAN_KEY = /^[a-z0-9][a-z0-9-]*$/;
/** As the agency registry (registry-files.ts) writes agency codes, so a plan can name any agency it holds. */
const AGENCY_CODE = /^[A-Z0-9][A-Z0-9_-]*$/;
const UNIT_CODE = /^(\d{2}|\d{3}|\d{5})$/;
const MONTH_DAY = /^\d{2}-\d{2}$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Why a `YYYY-MM-DD` day cannot be a plan file's (it does not exist, or its year is implausible), in
 * Vietnamese, or null. A day PostgreSQL stores as written: not 2021-02-30, which Date rolls over to 2 March.
 */
export function impossibleDay(value: string): string | null {
  const [year = 0, month = 0, day = 0] = value.split('-').map(Number);
  if (month < 1 || month > 12) return `tháng ${month} không tồn tại`;
  if (year < PLAN_YEARS.min || year > PLAN_YEARS.max)
    return `năm ${year} nằm ngoài khoảng ${PLAN_YEARS.min}-${PLAN_YEARS.max}`;
  const days = daysInMonth(year, month);
  if (day < 1) return `ngày ${day} không tồn tại`;
  if (day > days) return `tháng ${month} năm ${year} chỉ có ${days} ngày`;
  return parseCalendarDay(value) ? null : 'không phải một ngày có thật';
}

/**
 * Why a reporting deadline `MM-DD` is not a day of every year, in Vietnamese, or null. 29 February is
 * refused: in three years of four it would silently become 1 March.
 */
export function impossibleDueDay(value: string): string | null {
  const [month = 0, day = 0] = value.split('-').map(Number);
  if (month < 1 || month > 12) return `tháng ${month} không tồn tại`;
  if (month === 2 && day === 29) return 'ngày 29/02 không có trong năm không nhuận; vui lòng chọn 28/02 hoặc 01/03';
  const days = daysInMonth(2023, month);
  if (day < 1) return `ngày ${day} không tồn tại`;
  if (day > days) return `tháng ${month} chỉ có ${days} ngày`;
  return null;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z
  .string()
  .regex(ISO_DATE)
  .superRefine((value, context) => {
    const why = ISO_DATE.test(value) ? impossibleDay(value) : null;
    if (why)
      context.addIssue({
        code: 'custom',
        message: `"${value}" không phải một ngày hợp lệ: ${why}`,
        params: { reason: 'INVALID_DATE' },
      });
  });
const year = z.number().int().min(PLAN_YEARS.min).max(PLAN_YEARS.max);
const agencyCode = z.string().max(PLAN_TEXT_LIMITS.code).regex(AGENCY_CODE);
const unitCode = z.string().regex(UNIT_CODE);
const planKey = z.string().max(PLAN_TEXT_LIMITS.key).regex(PLAN_KEY);

export const COMPARATORS = ['GTE', 'GT', 'LTE', 'LT', 'EQ', 'MAINTAIN'] as const;
export const PLAN_LEVELS = ['NATIONAL', 'PROVINCIAL', 'DISTRICT', 'SECTOR'] as const;
export const REPORT_FREQUENCIES = ['ANNUAL', 'MIDTERM', 'FINAL'] as const;

export const milestoneSchema = z
  .object({
    year,
    comparator: z
      .enum(COMPARATORS)
      .describe('GTE ≥, GT >, LTE ≤, LT < (e.g. dropout below), EQ =, MAINTAIN keep at least the value'),
    value: z
      .number()
      .describe('In the indicator’s unit: percent for ratios (factor 100), a number for counts, 1 or 0 for yes/no'),
  })
  .strict();

export const targetSchema = z
  .object({
    code: text(PLAN_TEXT_LIMITS.code).describe(
      'The target’s number in the plan, unique within it, e.g. "1.a" or "CT-17"',
    ),
    description: text(PLAN_TEXT_LIMITS.text).describe('The target as the plan words it (Vietnamese)'),
    indicator: text(PLAN_TEXT_LIMITS.code)
      .optional()
      .describe('Code in the indicator registry; omit for a qualitative target'),
    milestones: z.array(milestoneSchema).max(PLAN_LIST_LIMITS.milestones).optional(),
    baseline: z
      .object({ year, value: z.number().describe('In the indicator’s unit, like a milestone’s value') })
      .strict()
      .optional()
      .describe(
        'Where the plan starts from (năm cơ sở), before its first milestone; omit to take the first year with a figure',
      ),
    dueYear: year.optional().describe('For a qualitative target: by when'),
  })
  .strict();

export const taskSchema = z
  .object({
    title: text(PLAN_TEXT_LIMITS.title),
    description: text(PLAN_TEXT_LIMITS.longText).optional(),
    lead: agencyCode.describe('Agency that leads (chủ trì)'),
    coordinating: z
      .array(agencyCode)
      .max(PLAN_LIST_LIMITS.agencies)
      .default([])
      .describe('Agencies that coordinate (phối hợp)'),
  })
  .strict();

export const reportingRuleSchema = z
  .object({
    reporters: z
      .union([z.literal('ASSIGNED_AGENCIES'), z.array(agencyCode).min(1).max(PLAN_LIST_LIMITS.agencies)])
      .describe('Who reports: every agency a task names, or a list of agencies'),
    recipient: agencyCode.describe('Who receives and compiles the reports'),
    frequency: z.enum(REPORT_FREQUENCIES),
    due: z.string().regex(MONTH_DAY).describe('Deadline within the reporting year, MM-DD, e.g. 12-05 for 5 December'),
    years: z
      .array(year)
      .max(PLAN_YEARS.max - PLAN_YEARS.min + 1)
      .optional()
      .describe('For MIDTERM and FINAL: the years of the reviews'),
  })
  .strict();

export const planFileSchema = z
  .object({
    key: planKey.describe('Stable identifier of the plan in this system, e.g. lang-son-2019-de-an-1437'),
    number: text(PLAN_TEXT_LIMITS.number)
      .nullable()
      .describe('Official number, e.g. 03/KH-SGDĐT; null when the document gives none'),
    title: text(PLAN_TEXT_LIMITS.title),
    issuedOn: isoDate.nullable(),
    issuer: agencyCode.describe('The issuing agency'),
    level: z.enum(PLAN_LEVELS),
    parent: planKey.nullable().describe('Key of the plan this one implements'),
    scope: z
      .object({ unit: unitCode, asOf: isoDate.describe('A day the unit existed, to tell units that share a code') })
      .strict()
      .nullable()
      .describe('The unit the plan covers; null for a national scheme'),
    period: z.object({ start: year, end: year }).strict(),
    generalGoal: text(PLAN_TEXT_LIMITS.longText).optional(),
    source: text(PLAN_TEXT_LIMITS.text).optional().describe('Where the text comes from'),
    targets: z.array(targetSchema).max(PLAN_LIST_LIMITS.targets).default([]),
    tasks: z.array(taskSchema).max(PLAN_LIST_LIMITS.tasks).default([]),
    budgetSources: z.array(text(PLAN_TEXT_LIMITS.title)).max(PLAN_LIST_LIMITS.agencies).default([]),
    reporting: z.array(reportingRuleSchema).max(PLAN_LIST_LIMITS.reporting).default([]),
  })
  .strict();

export type PlanFile = z.infer<typeof planFileSchema>;
export type PlanFileInput = z.input<typeof planFileSchema>;

export function planFileJsonSchema(): object {
  return { title: 'ECD Federation plan file', ...z.toJSONSchema(planFileSchema, { io: 'input' }) };
}

const YEAR_RULE = {
  rule: `một năm từ ${PLAN_YEARS.min} đến ${PLAN_YEARS.max}`,
  reason: 'YEAR_OUT_OF_RANGE',
} as const;
const DATE_RULE = {
  rule: `một ngày có thật, dạng YYYY-MM-DD (ví dụ 2019-01-29), năm từ ${PLAN_YEARS.min} đến ${PLAN_YEARS.max}`,
  reason: 'INVALID_DATE',
} as const;
const AGENCY_RULE = {
  rule: 'mã cơ quan viết bằng chữ in hoa không dấu, chữ số và dấu gạch ngang, ví dụ SYT-20',
  reason: 'MALFORMED_AGENCY_CODE',
} as const;
const PLAN_KEY_RULE = {
  rule: 'chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ lang-son-2019-de-an-1437',
  reason: 'MALFORMED_PLAN_KEY',
} as const;

/** Every field of a plan file: its Vietnamese name, and for a field of a set form its rule and reason. */
export const PLAN_FILE_FIELDS: DocumentFields = {
  '': {
    label: 'Tệp kế hoạch',
    rule: 'các trường key, number, title, issuedOn, issuer, level, parent, scope, period (xem data/plan.schema.json)',
  },
  key: { label: 'Mã kế hoạch', ...PLAN_KEY_RULE },
  number: { label: 'Số hiệu văn bản', nullable: true },
  title: { label: 'Tên kế hoạch' },
  issuedOn: { label: 'Ngày ban hành', nullable: true, ...DATE_RULE },
  issuer: { label: 'Cơ quan ban hành', ...AGENCY_RULE },
  level: {
    label: 'Cấp kế hoạch',
    values: { NATIONAL: 'quốc gia', PROVINCIAL: 'tỉnh', DISTRICT: 'huyện', SECTOR: 'ngành' },
  },
  parent: { label: 'Kế hoạch cấp trên', nullable: true, ...PLAN_KEY_RULE },
  scope: { label: 'Địa bàn kế hoạch', nullable: true, rule: 'các trường unit và asOf' },
  'scope.unit': {
    label: 'Mã đơn vị hành chính của địa bàn',
    rule: 'mã đơn vị hành chính gồm 2 (tỉnh), 3 (huyện) hoặc 5 (xã) chữ số, ví dụ "20"',
    reason: 'MALFORMED_UNIT_CODE',
  },
  'scope.asOf': { label: 'Ngày xác định đơn vị hành chính của địa bàn', ...DATE_RULE },
  period: { label: 'Thời kỳ kế hoạch', rule: 'các trường start và end' },
  'period.start': { label: 'Năm bắt đầu thời kỳ kế hoạch', ...YEAR_RULE },
  'period.end': { label: 'Năm kết thúc thời kỳ kế hoạch', ...YEAR_RULE },
  generalGoal: { label: 'Mục tiêu chung' },
  source: { label: 'Nguồn văn bản' },
  targets: { label: 'Danh sách chỉ tiêu' },
  'targets[]': { label: 'Chỉ tiêu', rule: 'các trường code, description, indicator, milestones, baseline, dueYear' },
  'targets[].code': { label: 'Mã chỉ tiêu' },
  'targets[].description': { label: 'Nội dung chỉ tiêu' },
  'targets[].indicator': { label: 'Mã chỉ số' },
  'targets[].milestones': { label: 'Danh sách mốc của chỉ tiêu' },
  'targets[].milestones[]': { label: 'Mốc', rule: 'các trường year, comparator và value' },
  'targets[].milestones[].year': { label: 'Năm của mốc', ...YEAR_RULE },
  'targets[].milestones[].comparator': {
    label: 'Phép so sánh của mốc',
    values: { GTE: '≥', GT: '>', LTE: '≤', LT: '<', EQ: '=', MAINTAIN: 'duy trì' },
  },
  'targets[].milestones[].value': { label: 'Giá trị của mốc' },
  'targets[].baseline': { label: 'Mốc cơ sở của chỉ tiêu', rule: 'các trường year và value' },
  'targets[].baseline.year': { label: 'Năm cơ sở', ...YEAR_RULE },
  'targets[].baseline.value': { label: 'Giá trị năm cơ sở' },
  'targets[].dueYear': { label: 'Năm hoàn thành chỉ tiêu', ...YEAR_RULE },
  tasks: { label: 'Danh sách nhiệm vụ' },
  'tasks[]': { label: 'Nhiệm vụ', rule: 'các trường title, description, lead và coordinating' },
  'tasks[].title': { label: 'Tên nhiệm vụ' },
  'tasks[].description': { label: 'Nội dung nhiệm vụ' },
  'tasks[].lead': { label: 'Cơ quan chủ trì', ...AGENCY_RULE },
  'tasks[].coordinating': { label: 'Danh sách cơ quan phối hợp' },
  'tasks[].coordinating[]': { label: 'Cơ quan phối hợp', ...AGENCY_RULE },
  budgetSources: { label: 'Danh sách nguồn kinh phí' },
  'budgetSources[]': { label: 'Nguồn kinh phí' },
  reporting: { label: 'Danh sách quy định báo cáo' },
  'reporting[]': { label: 'Quy định báo cáo', rule: 'các trường reporters, recipient, frequency, due và years' },
  'reporting[].reporters': {
    label: 'Cơ quan báo cáo',
    rule: 'ASSIGNED_AGENCIES (mọi cơ quan được giao nhiệm vụ) hoặc một danh sách mã cơ quan',
  },
  'reporting[].reporters[]': { label: 'Cơ quan báo cáo', ...AGENCY_RULE },
  'reporting[].recipient': { label: 'Cơ quan nhận báo cáo', ...AGENCY_RULE },
  'reporting[].frequency': {
    label: 'Loại báo cáo',
    values: { ANNUAL: 'hằng năm', MIDTERM: 'sơ kết', FINAL: 'tổng kết' },
  },
  'reporting[].due': {
    label: 'Hạn báo cáo',
    rule: 'một ngày trong năm dạng MM-DD, ví dụ 12-05 cho ngày 5 tháng 12',
    reason: 'INVALID_DUE_DATE',
  },
  'reporting[].years': { label: 'Danh sách năm báo cáo sơ kết, tổng kết' },
  'reporting[].years[]': { label: 'Năm báo cáo', ...YEAR_RULE },
};
