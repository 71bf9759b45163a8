import type { SectorFunctionName } from './registry-files.js';

/**
 * Who a reporting period addresses and expects, on its due day, when the agencies a plan's rule names
 * no longer exist then (issue 10): an agency is succeeded by the agency that performs its function on
 * the due day, looked for in its own unit first, then in the units that succeeded that unit across the
 * 2025 reform (its successor province, the communes its communes became), and, for the recipient only,
 * in the units above it and their successors (a district office's function went up to the province).
 *
 * "Its function" is the function it performed on its last day; an agency that performed several (Sở
 * LĐTBXH: child protection, social protection, labour) is succeeded for the first of them in
 * FUNCTION_PRIORITY that someone performs on the due day: these are plans for children, so child
 * protection first (Sở LĐTBXH → Sở Y tế after 2025-03-01, not Sở Nội vụ, which took labour).
 * The recipient is one agency (among several holders, the one holding most of its functions, then one
 * of the same kind, then the first code); a reporter is succeeded by every holder in the first units that have one (a district's
 * People's Committee by those of the communes that took its territory), and dropped when none does.
 * The recipient never reports to itself.
 */

/** Days are ISO text (YYYY-MM-DD), which compare as dates. */
export interface Dated {
  validFrom: string;
  validTo: string | null;
}

export interface AgencyOnRecord extends Dated {
  code: string;
  /** Its kind (DEPARTMENT, PEOPLES_COMMITTEE…): a successor of the same kind is preferred. */
  kind?: string;
  functions: (Dated & { function: SectorFunctionName })[];
}

/** The order in which the functions of a plan for children are succeeded. */
export const FUNCTION_PRIORITY: readonly SectorFunctionName[] = [
  'CHILD_PROTECTION',
  'COORDINATION',
  'SOCIAL_PROTECTION',
  'HEALTH',
  'EDUCATION',
  'CULTURE',
  'INFORMATION',
  'MASS_MOBILISATION',
  'PLANNING',
  'FINANCE',
  'LABOUR',
];

export const existsOn = (row: Dated, day: string) =>
  row.validFrom <= day && (row.validTo === null || day <= row.validTo);

/** The functions an agency stands for when it does not exist on `day`: those of its last day (its first, if it had not begun), in FUNCTION_PRIORITY order. */
export function functionsToSucceed(agency: AgencyOnRecord, day: string): SectorFunctionName[] {
  const on = day < agency.validFrom ? agency.validFrom : (agency.validTo ?? day);
  return FUNCTION_PRIORITY.filter((f) => agency.functions.some((x) => x.function === f && existsOn(x, on)));
}

const performs = (agency: AgencyOnRecord, f: SectorFunctionName, day: string) =>
  existsOn(agency, day) && agency.functions.some((x) => x.function === f && existsOn(x, day));

export interface Succession {
  /** The function it was succeeded for; null when no one performs any of its functions then. */
  function: SectorFunctionName | null;
  /** The successors' codes (empty: none). */
  by: string[];
}

/**
 * The successors of an agency on `day`, searched for in `tiers` (candidate agencies grouped by unit,
 * nearest first): `one` for a recipient, `all` for a reporter (see above).
 */
export function successorsOf(
  agency: AgencyOnRecord,
  day: string,
  tiers: readonly (readonly AgencyOnRecord[])[],
  mode: 'one' | 'all',
): Succession {
  const functions = functionsToSucceed(agency, day);
  for (const f of functions) {
    for (const tier of tiers) {
      const holders = tier.filter((candidate) => candidate.code !== agency.code && performs(candidate, f, day));
      if (!holders.length) continue;
      if (mode === 'all') return { function: f, by: [...new Set(holders.map((h) => h.code))].sort() };
      const share = (h: AgencyOnRecord) => functions.filter((g) => performs(h, g, day)).length;
      // Most of its functions first, then the same kind (a department succeeds a department, not a
      // service centre that also protects children), then the code.
      const sameKind = (h: AgencyOnRecord) => (h.kind !== undefined && h.kind === agency.kind ? 1 : 0);
      const [best] = [...holders].sort(
        (a, b) => share(b) - share(a) || sameKind(b) - sameKind(a) || a.code.localeCompare(b.code),
      );
      return { function: f, by: best ? [best.code] : [] };
    }
  }
  return { function: null, by: [] };
}

export interface ResolutionNote {
  role: 'RECIPIENT' | 'REPORTER';
  named: string;
  function: SectorFunctionName | null;
  /** Who takes its place on the due day; empty when it is dropped. */
  by: string[];
}

export interface ReportingResolution {
  /** Null when neither the recipient nor anyone performing its function exists on the due day. */
  recipient: string | null;
  reporters: string[];
  /** Every agency replaced or dropped (and why), for the log. */
  notes: ResolutionNote[];
}

/**
 * The recipient and the reporters of a period due on `day`, from those a rule names: each kept if it
 * exists then, otherwise succeeded (see above); the recipient is removed from the reporters.
 */
export function resolveReporting(input: {
  day: string;
  recipient: AgencyOnRecord | undefined;
  reporters: readonly (AgencyOnRecord | undefined)[];
  /** Candidate agencies for an agency's succession, nearest first (see successorsOf). */
  tiersOf(agency: AgencyOnRecord, role: 'RECIPIENT' | 'REPORTER'): readonly (readonly AgencyOnRecord[])[];
}): ReportingResolution {
  const { day } = input;
  const notes: ResolutionNote[] = [];
  let recipient: string | null = null;
  if (input.recipient && existsOn(input.recipient, day)) recipient = input.recipient.code;
  else if (input.recipient) {
    const succession = successorsOf(input.recipient, day, input.tiersOf(input.recipient, 'RECIPIENT'), 'one');
    recipient = succession.by[0] ?? null;
    notes.push({ role: 'RECIPIENT', named: input.recipient.code, ...succession });
  }
  const reporters = new Set<string>();
  for (const reporter of input.reporters) {
    if (!reporter) continue;
    if (existsOn(reporter, day)) {
      reporters.add(reporter.code);
      continue;
    }
    const succession = successorsOf(reporter, day, input.tiersOf(reporter, 'REPORTER'), 'all');
    for (const code of succession.by) reporters.add(code);
    notes.push({ role: 'REPORTER', named: reporter.code, ...succession });
  }
  if (recipient) reporters.delete(recipient);
  return { recipient, reporters: [...reporters].sort(), notes };
}
