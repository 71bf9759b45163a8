import { problem, type InputProblem, type Reason } from '@ecd/service-kit';

import type { AgencyEntry, SectorFunctionName } from './registry-files.js';

/**
 * The checks of an agency document (the registry file, an import) beyond its format: every problem
 * with its path in the document (`agencies[3].functions[1]`), so a province corrects it in one pass.
 */

/** The unit that had a code on a day: its first day of validity (its identity, with the code). */
export type UnitOn = (code: string, asOf: string) => { validFrom: string } | undefined;

/** Days as ISO text compare as dates; an open end is later than any day. */
const endsBefore = (end: string | null, day: string) => end !== null && end < day;
const within = (inner: { validFrom: string; validTo: string | null }, outer: typeof inner) =>
  inner.validFrom >= outer.validFrom &&
  (outer.validTo === null ? true : inner.validTo !== null && inner.validTo <= outer.validTo);
const overlap = (a: { validFrom: string; validTo: string | null }, b: typeof a) =>
  !endsBefore(a.validTo, b.validFrom) && !endsBefore(b.validTo, a.validFrom);

const period = (p: { validFrom: string; validTo: string | null }) =>
  p.validTo ? `${p.validFrom} đến ${p.validTo}` : `từ ${p.validFrom}`;

/** Whether an agency's code follows the convention `<ABBREVIATION>-<unit code>` (or `-<unit code>-2025`). */
export const codeMatchesUnit = (code: string, unitCode: string) =>
  code.endsWith(`-${unitCode}`) || code.endsWith(`-${unitCode}-2025`);

/**
 * Every problem of the agencies of a document that passed the format: codes given twice, codes that do
 * not name their unit, units that did not exist on the day given (or a day outside the agency's own
 * period), periods ending before they start, functions outside the agency's period or overlapping.
 */
export function agencyDocumentProblems(agencies: readonly AgencyEntry[], unitOn: UnitOn): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (path: string, reason: Reason, message: string) => problems.push(problem(path, reason, message));
  const firstIndex = new Map<string, number>();

  agencies.forEach((agency, i) => {
    const at = `agencies[${i}]`;
    const first = firstIndex.get(agency.code);
    if (first === undefined) firstIndex.set(agency.code, i);
    else add(`${at}.code`, 'DUPLICATE_AGENCY_CODE', `Mã cơ quan "${agency.code}" đã có ở agencies[${first}].`);

    if (endsBefore(agency.validTo, agency.validFrom))
      add(
        `${at}.validTo`,
        'END_BEFORE_START',
        `Ngày kết thúc ${agency.validTo} trước ngày bắt đầu ${agency.validFrom}.`,
      );

    if (agency.unit) {
      const { code, asOf } = agency.unit;
      if (!codeMatchesUnit(agency.code, code))
        add(
          `${at}.code`,
          'AGENCY_CODE_UNIT_MISMATCH',
          `Mã cơ quan "${agency.code}" phải kết thúc bằng mã đơn vị hành chính của cơ quan: "-${code}" (hoặc "-${code}-2025" với đơn vị sau ngày 01/07/2025).`,
        );
      if (!unitOn(code, asOf))
        add(`${at}.unit.code`, 'UNKNOWN_UNIT_CODE', `Không có đơn vị hành chính mã ${code} vào ngày ${asOf}.`);
      if (asOf < agency.validFrom || endsBefore(agency.validTo, asOf))
        add(
          `${at}.unit.asOf`,
          'UNIT_DAY_OUTSIDE_AGENCY_PERIOD',
          `Ngày ${asOf} nằm ngoài thời gian hoạt động của cơ quan (${period(agency)}); vui lòng chọn một ngày cơ quan đang hoạt động.`,
        );
    }

    const seen: { function: SectorFunctionName; validFrom: string; validTo: string | null; index: number }[] = [];
    agency.functions.forEach((f, j) => {
      const fat = `${at}.functions[${j}]`;
      if (endsBefore(f.validTo, f.validFrom)) {
        add(`${fat}.validTo`, 'END_BEFORE_START', `Ngày kết thúc ${f.validTo} trước ngày bắt đầu ${f.validFrom}.`);
        return;
      }
      if (!within(f, agency))
        add(
          fat,
          'FUNCTION_OUTSIDE_AGENCY_PERIOD',
          `Chức năng ${f.function} (${period(f)}) nằm ngoài thời gian hoạt động của cơ quan (${period(agency)}).`,
        );
      const clash = seen.find((s) => s.function === f.function && overlap(s, f));
      if (clash)
        add(
          fat,
          'FUNCTION_PERIODS_OVERLAP',
          `Chức năng ${f.function} (${period(f)}) trùng thời gian với functions[${clash.index}] (${period(clash)}).`,
        );
      seen.push({ ...f, index: j });
    });
  });
  return problems;
}

/** An agency as stored, in the document's terms, its unit by its first day of validity: what a revision records. */
export interface AgencyState {
  code: string;
  name: string;
  kind: AgencyEntry['kind'];
  unit: { code: string; validFrom: string } | null;
  validFrom: string;
  validTo: string | null;
  functions: { function: SectorFunctionName; validFrom: string; validTo: string | null }[];
}

/** The same agency whatever the order its functions were given in. */
export function normalisedState(state: AgencyState): AgencyState {
  return {
    code: state.code,
    name: state.name,
    kind: state.kind,
    unit: state.unit ? { code: state.unit.code, validFrom: state.unit.validFrom } : null,
    validFrom: state.validFrom,
    validTo: state.validTo,
    functions: [...state.functions]
      .sort((a, b) => a.function.localeCompare(b.function) || a.validFrom.localeCompare(b.validFrom))
      .map((f) => ({ function: f.function, validFrom: f.validFrom, validTo: f.validTo })),
  };
}

/** The state a document's entry gives, its unit identified by `unitValidFrom`. */
export const entryState = (entry: AgencyEntry, unitValidFrom: string | null): AgencyState =>
  normalisedState({
    code: entry.code,
    name: entry.name,
    kind: entry.kind,
    unit: entry.unit && unitValidFrom ? { code: entry.unit.code, validFrom: unitValidFrom } : null,
    validFrom: entry.validFrom,
    validTo: entry.validTo,
    functions: entry.functions.map((f) => ({ function: f.function, validFrom: f.validFrom, validTo: f.validTo })),
  });

export type AgencyChange = 'CREATED' | 'CORRECTED' | 'UNCHANGED';

/** What importing `next` does to the agency held as `held` (undefined when none has its code). */
export function agencyChange(held: AgencyState | undefined, next: AgencyState): AgencyChange {
  if (!held) return 'CREATED';
  const same = JSON.stringify(normalisedState(held)) === JSON.stringify(normalisedState(next));
  return same ? 'UNCHANGED' : 'CORRECTED';
}
