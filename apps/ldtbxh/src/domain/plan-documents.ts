import { parseDocument, stringify } from 'yaml';

import { problem, type InputProblem } from '@ecd/service-kit';

import { WHOLE_DOCUMENT } from './plan-validation.js';

export type DocumentFormat = 'YAML' | 'JSON';

/** Parses a YAML or JSON document; syntax errors become problems with their line and column. */
export function parseDocumentText(text: string, format: DocumentFormat): { value: unknown; problems: InputProblem[] } {
  if (format === 'JSON') {
    try {
      return { value: JSON.parse(text) as unknown, problems: [] };
    } catch (error) {
      return {
        value: undefined,
        problems: [problem(WHOLE_DOCUMENT, 'SYNTAX_ERROR', `JSON không hợp lệ: ${(error as Error).message}`)],
      };
    }
  }
  const document = parseDocument(text);
  const problems = document.errors.map((error) =>
    problem(
      WHOLE_DOCUMENT,
      'SYNTAX_ERROR',
      `YAML không hợp lệ tại dòng ${error.linePos?.[0]?.line ?? '?'}, cột ${error.linePos?.[0]?.col ?? '?'}: ${error.message.split(' at line')[0]}`,
    ),
  );
  return { value: problems.length ? undefined : (document.toJS() as unknown), problems };
}

export function formatDocument(value: unknown, format: DocumentFormat): string {
  return format === 'JSON' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 });
}
