import { badInput } from '@ecd/service-kit';
import type { InputProblem } from '../domain/rules.js';

/** Every problem of an input as one typed error (fields prefixed with `input.`); nothing has been written. */
export function rejectInput(what: string, reason: string, problems: readonly InputProblem[]): never {
  throw badInput(`${what} có ${problems.length} lỗi; không có dữ liệu nào được ghi.`, {
    field: 'input',
    reason,
    problems: problems.map((p) => ({ ...p, field: `input.${p.field}` })),
  });
}
