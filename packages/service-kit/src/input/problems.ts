import { badInput } from '../errors.js';
import type { Reason } from './reasons.js';

/** One problem of an input: the field at fault (relative to the input), a catalogued reason and a Vietnamese message. */
export interface InputProblem {
  field: string;
  reason: Reason;
  message: string;
}

export const problem = (field: string, reason: Reason, message: string): InputProblem => ({ field, reason, message });

/** Whether a check returned a problem rather than the value it looked for. */
export const isProblem = (value: object): value is InputProblem =>
  'reason' in value && 'message' in value && 'field' in value;

/**
 * The one way to refuse an input: a BAD_USER_INPUT error naming what was refused, with every problem
 * (fields prefixed with `prefix`, the argument they belong to). Called before anything is written.
 */
export function rejectInput(what: string, reason: Reason, problems: readonly InputProblem[], prefix = 'input.'): never {
  throw badInput(`${what} có ${problems.length} lỗi; không có dữ liệu nào được ghi.`, {
    field: prefix ? prefix.replace(/\.$/, '') : (problems[0]?.field ?? 'input'),
    reason,
    problems: problems.map((p) => ({ ...p, field: `${prefix}${p.field}` })),
  });
}

/** A single problem of an argument (not of an input object) as its own typed error. */
export function rejectArgument(found: InputProblem): never {
  throw badInput(found.message, { field: found.field, reason: found.reason });
}
