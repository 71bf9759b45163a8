import { parseDocument, stringify } from 'yaml';
import { badInput } from '@ecd/service-kit';
import type { PlanProblem } from '../domain/plan-validation.js';

export type DocumentFormat = 'YAML' | 'JSON';

/** Parses a YAML or JSON document; syntax errors become problems with their line and column. */
export function parseDocumentText(text: string, format: DocumentFormat): { value: unknown; problems: PlanProblem[] } {
  if (format === 'JSON') {
    try {
      return { value: JSON.parse(text), problems: [] };
    } catch (error) {
      return { value: undefined, problems: [{ path: '(document)', message: `JSON không hợp lệ: ${(error as Error).message}`, reason: 'SYNTAX_ERROR' }] };
    }
  }
  const document = parseDocument(text);
  const problems = document.errors.map((error) => ({
    path: '(document)',
    message: `YAML không hợp lệ tại dòng ${error.linePos?.[0]?.line ?? '?'}, cột ${error.linePos?.[0]?.col ?? '?'}: ${error.message.split(' at line')[0]}`,
    reason: 'SYNTAX_ERROR',
  }));
  return { value: problems.length ? undefined : document.toJS(), problems };
}

export function formatDocument(value: unknown, format: DocumentFormat): string {
  return format === 'JSON' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 });
}

/** The typed error for a rejected document: every problem, each with its path. */
export function invalidDocument(what: string, problems: PlanProblem[]) {
  return badInput(`${what} có ${problems.length} lỗi; không có dữ liệu nào được ghi.`, { field: 'document', reason: 'INVALID_DOCUMENT', problems });
}
