import { z } from 'zod';

import { parseInputDate } from '@ecd/service-kit';

/**
 * The plan file format: how a province onboards a plan (đề án, kế hoạch) as data, without code.
 * Files are YAML (or JSON); `data/plan.schema.json` is generated from this definition for editors.
 * Identifiers are English; texts people read are Vietnamese, as the plan states them.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(ISO_DATE, 'must be a date YYYY-MM-DD')
  // A day PostgreSQL stores as written: not 2021-02-30 (Date rolls it over to 2 March), not year 0.
  .refine(
    (value) => !ISO_DATE.test(value) || parseInputDate(value) !== undefined,
    'must be a real calendar day between 1900 and 2100',
  );
const year = z.number().int().min(1990).max(2100);
const agencyCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'must be an agency code such as SYT-20');
const unitCode = z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'must be an official unit code of 2, 3 or 5 digits');
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');

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
    code: z.string().min(1).describe('The target’s number in the plan, unique within it, e.g. "1.a" or "CT-17"'),
    description: z.string().min(1).describe('The target as the plan words it (Vietnamese)'),
    indicator: z.string().min(1).optional().describe('Code in the indicator registry; omit for a qualitative target'),
    milestones: z.array(milestoneSchema).optional(),
    dueYear: year.optional().describe('For a qualitative target: by when'),
  })
  .strict();

export const taskSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().optional(),
    lead: agencyCode.describe('Agency that leads (chủ trì)'),
    coordinating: z.array(agencyCode).default([]).describe('Agencies that coordinate (phối hợp)'),
  })
  .strict();

export const reportingRuleSchema = z
  .object({
    reporters: z
      .union([z.literal('ASSIGNED_AGENCIES'), z.array(agencyCode).min(1)])
      .describe('Who reports: every agency a task names, or a list of agencies'),
    recipient: agencyCode.describe('Who receives and compiles the reports'),
    frequency: z.enum(REPORT_FREQUENCIES),
    due: z
      .string()
      .regex(/^\d{2}-\d{2}$/, 'must be MM-DD, e.g. 12-05 for 5 December')
      .describe('Deadline within the reporting year, MM-DD'),
    years: z.array(year).optional().describe('For MIDTERM and FINAL: the years of the reviews'),
  })
  .strict();

export const planFileSchema = z
  .object({
    key: slug.describe('Stable identifier of the plan in this system, e.g. lang-son-2019-de-an-1437'),
    number: z
      .string()
      .min(1)
      .nullable()
      .describe('Official number, e.g. 03/KH-SGDĐT; null when the document gives none'),
    title: z.string().min(1),
    issuedOn: isoDate.nullable(),
    issuer: agencyCode.describe('The issuing agency'),
    level: z.enum(PLAN_LEVELS),
    parent: slug.nullable().describe('Key of the plan this one implements'),
    scope: z
      .object({ unit: unitCode, asOf: isoDate.describe('A day the unit existed, to tell units that share a code') })
      .strict()
      .nullable()
      .describe('The unit the plan covers; null for a national scheme'),
    period: z.object({ start: year, end: year }).strict(),
    generalGoal: z.string().optional(),
    source: z.string().optional().describe('Where the text comes from'),
    targets: z.array(targetSchema).default([]),
    tasks: z.array(taskSchema).default([]),
    budgetSources: z.array(z.string().min(1)).default([]),
    reporting: z.array(reportingRuleSchema).default([]),
  })
  .strict();

export type PlanFile = z.infer<typeof planFileSchema>;
export type PlanFileInput = z.input<typeof planFileSchema>;

export function planFileJsonSchema(): object {
  return { title: 'ECD Federation plan file', ...z.toJSONSchema(planFileSchema, { io: 'input' }) };
}
