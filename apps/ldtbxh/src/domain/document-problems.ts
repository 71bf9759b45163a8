import { badInput, type InputProblem, type Reason } from '@ecd/service-kit';

/** A problem as the errors of documents (plan files) and report values give it: its `path` in what was sent. */
export interface PathProblem {
  path: string;
  reason: Reason;
  message: string;
}

/**
 * The one place the kit's problems (`field`) become the shape clients of plan imports and report
 * values read (`path`, e.g. `targets[0].indicator` or `values[3].unitCode`): the schema documents
 * them with their path.
 */
export const atPaths = (problems: readonly InputProblem[]): PathProblem[] =>
  problems.map((p) => ({ path: p.field, reason: p.reason, message: p.message }));

/**
 * Refuses a document or a list of values as `rejectInput` refuses an input (BAD_USER_INPUT, every
 * problem, nothing written), each problem with its path; `field` names the argument that carried them.
 */
export function rejectAtPaths(what: string, field: string, reason: Reason, problems: readonly InputProblem[]): never {
  throw badInput(`${what} có ${problems.length} lỗi; không có dữ liệu nào được ghi.`, {
    field,
    reason,
    problems: atPaths(problems),
  });
}
