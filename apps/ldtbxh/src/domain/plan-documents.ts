import { parseDocument, stringify, type ErrorCode } from 'yaml';

import { problem, type InputProblem } from '@ecd/service-kit';

import { WHOLE_DOCUMENT } from './document-problems.js';

export type DocumentFormat = 'YAML' | 'JSON';

/** What each error of the YAML parser means, for people (its own messages are English). */
const YAML_ERRORS: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'bí danh (alias) không được mang thẻ hay neo',
  BAD_ALIAS: 'bí danh (alias) không hợp lệ',
  BAD_COLLECTION_TYPE: 'kiểu danh sách hoặc nhóm trường không hợp lệ',
  BAD_DIRECTIVE: 'chỉ thị YAML (%) không hợp lệ',
  BAD_DQ_ESCAPE: 'chuỗi trong dấu nháy kép có ký tự thoát (\\) không hợp lệ',
  BAD_INDENT: 'thụt lề không đúng, hoặc thiếu dấu đóng ] hay } của danh sách, nhóm trường viết trên một dòng',
  BAD_PROP_ORDER: 'thẻ và neo viết sai thứ tự',
  BAD_SCALAR_START: 'giá trị không được bắt đầu bằng ký tự này; vui lòng đặt giá trị trong dấu nháy kép',
  BLOCK_AS_IMPLICIT_KEY: 'hai dấu hai chấm trên cùng một dòng; vui lòng đặt giá trị có dấu hai chấm trong dấu nháy kép',
  BLOCK_IN_FLOW: 'không được viết khối nhiều dòng bên trong [ ] hoặc { }',
  DUPLICATE_KEY: 'một trường được khai báo hai lần',
  IMPOSSIBLE: 'cấu trúc không đọc được',
  KEY_OVER_1024_CHARS: 'tên trường dài quá 1024 ký tự',
  MISSING_CHAR: 'thiếu ký tự đóng (dấu nháy, ] hoặc })',
  MULTILINE_IMPLICIT_KEY: 'tên trường không được viết trên nhiều dòng',
  MULTIPLE_ANCHORS: 'một giá trị có nhiều neo (&)',
  MULTIPLE_DOCS: 'tệp chỉ được chứa một tài liệu (không dùng dấu --- thứ hai)',
  MULTIPLE_TAGS: 'một giá trị có nhiều thẻ (!)',
  NON_STRING_KEY: 'tên trường phải là văn bản',
  RESOURCE_EXHAUSTION: 'tệp dùng quá nhiều bí danh (alias)',
  TAB_AS_INDENT: 'không được thụt lề bằng phím Tab; vui lòng dùng dấu cách',
  TAG_RESOLVE_FAILED: 'thẻ (!) không hợp lệ',
  UNEXPECTED_TOKEN: 'ký tự không đúng chỗ; thường do thụt lề không đều hoặc thiếu dấu hai chấm',
};

/** What V8's JSON.parse messages mean, for people, most specific first. */
const JSON_ERRORS: [RegExp, string][] = [
  [/Unexpected end of JSON input|Unterminated string/i, 'tệp kết thúc khi chưa đóng hết dấu nháy, ] hoặc }'],
  [/Expected double-quoted property name/i, 'tên trường phải đặt trong dấu nháy kép (hoặc thừa dấu phẩy trước } )'],
  [/Expected ':' after property name/i, 'thiếu dấu hai chấm sau tên trường'],
  [/Expected ',' or '}' after property value/i, 'thiếu dấu phẩy hoặc } sau giá trị'],
  [/Expected ',' or '\]' after array element/i, 'thiếu dấu phẩy hoặc ] sau phần tử của danh sách'],
  [/Bad control character/i, 'chuỗi chứa ký tự điều khiển (xuống dòng, Tab) chưa viết dạng \\n, \\t'],
  [/Bad (escaped character|Unicode escape)/i, 'chuỗi có ký tự thoát (\\) không hợp lệ'],
  [/non-whitespace character after JSON/i, 'có nội dung thừa sau khi JSON đã kết thúc'],
  [/number|Exponent/i, 'số viết không hợp lệ'],
  [/Unexpected token/i, 'ký tự không đúng chỗ (JSON chỉ nhận dấu nháy kép, không nhận chú thích hay dấu phẩy thừa)'],
];

/** Line and column (from 1) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

function jsonProblem(text: string, error: Error): InputProblem {
  const what = JSON_ERRORS.find(([pattern]) => pattern.test(error.message))?.[1] ?? 'cấu trúc không đọc được';
  const offset = /at position (\d+)/.exec(error.message)?.[1];
  const at = offset === undefined ? undefined : lineAndColumn(text, Number(offset));
  const where = at ? ` tại dòng ${at.line}, cột ${at.col}` : '';
  return problem(WHOLE_DOCUMENT, 'SYNTAX_ERROR', `JSON không hợp lệ${where}: ${what}.`);
}

/** Parses a YAML or JSON document; syntax errors become problems with their line and column, in Vietnamese. */
export function parseDocumentText(text: string, format: DocumentFormat): { value: unknown; problems: InputProblem[] } {
  if (format === 'JSON') {
    try {
      return { value: JSON.parse(text) as unknown, problems: [] };
    } catch (error) {
      return { value: undefined, problems: [jsonProblem(text, error as Error)] };
    }
  }
  const document = parseDocument(text);
  const problems = document.errors.map((error) => {
    const at = error.linePos?.[0];
    return problem(
      WHOLE_DOCUMENT,
      'SYNTAX_ERROR',
      `YAML không hợp lệ tại dòng ${at?.line ?? '?'}, cột ${at?.col ?? '?'}: ${YAML_ERRORS[error.code] ?? 'cấu trúc không đọc được'}.`,
    );
  });
  if (problems.length) return { value: undefined, problems };
  try {
    return { value: document.toJS() as unknown, problems: [] };
  } catch (error) {
    // An alias whose anchor is not set (`*x` before `&x`), or aliases expanding beyond the parser's limit.
    const message = error instanceof Error ? error.message : '';
    const alias = /Unresolved alias[^:]*: (.+)$/.exec(message)?.[1];
    if (!alias && !/alias/i.test(message)) throw error;
    const what = alias
      ? `bí danh *${alias} được dùng trước khi neo &${alias} được đặt`
      : YAML_ERRORS.RESOURCE_EXHAUSTION;
    return { value: undefined, problems: [problem(WHOLE_DOCUMENT, 'SYNTAX_ERROR', `YAML không hợp lệ: ${what}.`)] };
  }
}

export function formatDocument(value: unknown, format: DocumentFormat): string {
  return format === 'JSON' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 });
}
