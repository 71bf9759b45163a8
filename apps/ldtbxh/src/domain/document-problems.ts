import type { ZodError } from 'zod';

import { badInput, isReason, problem, type InputProblem, type Reason } from '@ecd/service-kit';

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

/** Where a problem of the whole document is (a syntax error, a document that is not a group of fields). */
export const WHOLE_DOCUMENT = '(document)';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A path in a document as problems give it: `targets[2].milestones[0].value` (a name that is not an identifier quoted: `a["x y"]`). */
export const formatPath = (segments: readonly PropertyKey[]) =>
  segments.reduce<string>((path, s) => {
    if (typeof s === 'number') return `${path}[${s}]`;
    const name = String(s);
    if (!IDENTIFIER.test(name)) return `${path}[${JSON.stringify(name)}]`;
    return path ? `${path}.${name}` : name;
  }, '');

/** The field a path is in, whatever the item of each list: `targets[2].code` → `targets[].code`. */
const fieldPattern = (segments: readonly PropertyKey[]) =>
  segments.reduce<string>(
    (path, s) => (typeof s === 'number' ? `${path}[]` : path ? `${path}.${String(s)}` : String(s)),
    '',
  );

/** What people need to know of a field of a document to read its problems. */
export interface DocumentField {
  /** Its Vietnamese name, e.g. "Năm của mốc". */
  label: string;
  /** What a valid value is, for people, e.g. "một năm từ 1990 đến 2050". */
  rule?: string;
  /** The catalogued reason of a value that breaks the rule (a pattern, a range). */
  reason?: Reason;
  /** Whether null is a valid value (a plan without official number). */
  nullable?: boolean;
  /** For a field that takes a set of values: what each means, e.g. `{ GTE: '≥' }`. */
  values?: Readonly<Record<string, string>>;
}

/** The fields of a document format by their pattern: `''` for the document, `targets[].milestones[].year`. */
export type DocumentFields = Readonly<Record<string, DocumentField>>;

export interface ZodProblemOptions {
  fields: DocumentFields;
  /** What the document's name is in messages: "tệp kế hoạch". */
  documentName?: string;
  /** The document as parsed, to tell a missing value from a wrong one and quote it; without it, zod's issue tells. */
  input?: unknown;
}

type Issue = ZodError['issues'][number];

const TYPE_NAMES: Record<string, string> = {
  string: 'văn bản',
  number: 'một số',
  int: 'một số nguyên',
  boolean: 'giá trị true/false',
  array: 'một danh sách',
  object: 'một nhóm trường',
  null: 'null',
  NaN: 'NaN (không phải một số)',
  Infinity: 'vô cực',
  bigint: 'một số',
  date: 'một ngày',
};
const typeName = (type: string) => TYPE_NAMES[type] ?? type;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : 'Infinity';
  if (value instanceof Date) return 'date';
  return typeof value;
}

/** A value as a message quotes it: texts in quotes (shortened), lists and groups by what they are. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeName(typeOf(value));
}

/** The value at a path of the document, if the path leads to one. */
function valueAt(input: unknown, segments: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let value = input;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment))
      return { present: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return { present: value !== undefined, value };
}

/** Edit distance (a swap of two neighbouring letters counting as one edit), to suggest the field a misspelt name meant. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Infinity;
  for (const [i, row] of rows.entries()) {
    if (i === 0) continue;
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const ranked = known
    .map((k) => ({ k, d: k.toLowerCase() === lower ? 0 : distance(lower, k.toLowerCase()) }))
    .filter(({ d }) => d <= Math.max(1, Math.min(3, Math.floor(name.length / 3))))
    .sort((a, b) => a.d - b.d);
  return ranked[0]?.k;
}

/** The fields an object at `pattern` has, as the table lists them. */
function childNames(fields: DocumentFields, pattern: string): string[] {
  const prefix = pattern ? `${pattern}.` : '';
  return Object.keys(fields)
    .filter((p) => p.startsWith(prefix) && p.length > prefix.length && !/[.[]/.test(p.slice(prefix.length)))
    .map((p) => p.slice(prefix.length));
}

function fieldAt(fields: DocumentFields, segments: readonly PropertyKey[], documentName: string): DocumentField {
  const known = fields[fieldPattern(segments)];
  if (known) return known;
  const last = segments.at(-1);
  if (last === undefined) return { label: documentName.charAt(0).toUpperCase() + documentName.slice(1) };
  if (typeof last === 'number') {
    const list = segments.at(-2);
    return { label: `Mục thứ ${last + 1} của ${list === undefined ? 'danh sách' : `"${String(list)}"`}` };
  }
  return { label: `Trường "${String(last)}"` };
}

const RECEIVED = /received (\w+)$/;

/**
 * Every issue of a zod error as a problem: the path of the exact field (`a.b[2].c`, `(document)` for
 * the whole of it), a specific catalogued reason and a Vietnamese message naming the field as people
 * call it. A missing field is REQUIRED, a value of another type WRONG_TYPE, a value outside a set
 * VALUE_NOT_ALLOWED (listing the values), a text too long TOO_LONG, an unknown field UNKNOWN_FIELD
 * (one problem per field, with the name it probably meant); a value breaking a field's form (a code's
 * pattern, a year's range) takes the field's own reason, e.g. MALFORMED_UNIT_CODE or YEAR_OUT_OF_RANGE.
 */
export function zodProblems(error: ZodError, options: ZodProblemOptions): InputProblem[] {
  const { fields, documentName = 'tệp' } = options;
  const hasInput = Object.hasOwn(options, 'input');

  const translate = (issue: Issue, base: readonly PropertyKey[]): InputProblem[] => {
    const segments = [...base, ...issue.path];
    const path = formatPath(segments) || WHOLE_DOCUMENT;
    const field = fieldAt(fields, segments, documentName);
    const label = field.label;
    const at = hasInput ? valueAt(options.input, segments) : undefined;
    const got = at?.present ? ` (đã nhập ${shown(at.value)})` : '';
    const receivedType = (): string | undefined => {
      if (at) return at.present ? typeOf(at.value) : 'undefined';
      const received = (issue as { received?: unknown }).received;
      return typeof received === 'string' ? received : RECEIVED.exec(issue.message)?.[1];
    };
    const broken = (fallback: string): InputProblem =>
      problem(
        path,
        field.reason ?? 'SCHEMA_VIOLATION',
        `${label} không đúng quy định${got}: ${field.rule ? `cần ${field.rule}` : fallback}.`,
      );
    const required = (): InputProblem => {
      if (segments.length === 0)
        return problem(path, 'REQUIRED', `${label} trống${field.rule ? `; cần ${field.rule}` : ''}.`);
      return problem(
        path,
        'REQUIRED',
        `${label} là bắt buộc nhưng chưa được khai báo${field.nullable ? ' (ghi null nếu văn bản không có)' : ''}.`,
      );
    };

    switch (issue.code) {
      case 'invalid_type': {
        const received = receivedType();
        if (received === 'undefined' || (received === 'null' && segments.length === 0)) return [required()];
        if (issue.expected === 'int')
          return [problem(path, 'NOT_A_WHOLE_NUMBER', `${label} phải là một số nguyên${got}.`)];
        if (received === 'Infinity')
          return [problem(path, 'NUMBER_OUT_OF_RANGE', `${label} quá lớn, không biểu diễn được.`)];
        const expected = `${typeName(issue.expected)}${issue.expected === 'object' && field.rule ? ` (${field.rule})` : ''}`;
        const quote =
          issue.expected === 'string' && (received === 'number' || received === 'boolean')
            ? `; vui lòng đặt giá trị trong dấu nháy kép${at?.present ? `, ví dụ "${String(at.value)}"` : ''}`
            : '';
        return [
          problem(
            path,
            'WRONG_TYPE',
            `${label} phải là ${expected}${field.nullable ? ' hoặc null' : ''}${received ? `, không phải ${typeName(received)}` : ''}${quote}.`,
          ),
        ];
      }
      case 'too_small':
        if (issue.origin === 'string') return [problem(path, 'REQUIRED', `${label} không được để trống.`)];
        if (issue.origin === 'array' || issue.origin === 'set')
          return [problem(path, 'REQUIRED', `${label} cần ít nhất ${String(issue.minimum)} mục.`)];
        return [broken(`giá trị từ ${String(issue.minimum)} trở lên`)];
      case 'too_big':
        if (issue.origin === 'string') {
          const length = typeof at?.value === 'string' ? ` (hiện có ${at.value.trim().length} ký tự)` : '';
          return [problem(path, 'TOO_LONG', `${label} dài quá ${String(issue.maximum)} ký tự${length}.`)];
        }
        if (issue.origin === 'array' || issue.origin === 'set') {
          const count = Array.isArray(at?.value) ? ` (hiện có ${at.value.length} mục)` : '';
          return [problem(path, 'TOO_MANY_ITEMS', `${label} có quá ${String(issue.maximum)} mục${count}.`)];
        }
        return [broken(`giá trị không quá ${String(issue.maximum)}`)];
      case 'invalid_format':
        return [broken(issue.format === 'regex' ? 'đúng dạng quy định' : `dạng ${issue.format}`)];
      case 'invalid_value': {
        // zod reports a missing enum like a wrong one; only the document tells them apart.
        if (at && !at.present) return [required()];
        const allowed = issue.values.map((v) => {
          const meaning = typeof v === 'string' ? field.values?.[v] : undefined;
          return meaning ? `${String(v)} (${meaning})` : String(v);
        });
        return [problem(path, 'VALUE_NOT_ALLOWED', `${label} không hợp lệ${got}; chỉ nhận: ${allowed.join(', ')}.`)];
      }
      case 'unrecognized_keys': {
        const pattern = fieldPattern(segments);
        const known = childNames(fields, pattern);
        return issue.keys.map((key) => {
          const suggestion = closest(key, known);
          const owner = segments.length
            ? `${label} không có trường "${key}" trong định dạng ${documentName}`
            : `Định dạng ${documentName} không có trường "${key}"`;
          const hint = suggestion
            ? ` Có phải là "${suggestion}"?`
            : known.length
              ? ` Các trường có thể dùng: ${known.join(', ')}.`
              : '';
          return problem(
            formatPath([...segments, key]),
            'UNKNOWN_FIELD',
            `${owner}; vui lòng sửa tên hoặc xóa trường này.${hint}`,
          );
        });
      }
      case 'invalid_union': {
        const atRoot = (i: Issue) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value');
        // A branch of the value's type that failed inside (an item of a list): its own problems are the precise ones.
        const [inner, ...others] = issue.errors.filter((branch) => !branch.every(atRoot));
        if (inner && !others.length) return inner.flatMap((i) => translate(i, segments));
        const received =
          receivedType() ??
          issue.errors
            .flat()
            .map((i) => RECEIVED.exec(i.message)?.[1])
            .find(Boolean);
        if (received === 'undefined') return [required()];
        const literals = issue.errors.flat().flatMap((i) => (i.code === 'invalid_value' ? i.values.map(String) : []));
        const types = issue.errors
          .flat()
          .flatMap((i) => (i.code === 'invalid_type' ? [typeName(i.expected)] : []))
          .filter((t, k, all) => all.indexOf(t) === k);
        const wanted = field.rule ?? [...literals, ...types].join(' hoặc ');
        const reason: Reason = received === 'string' && literals.length ? 'VALUE_NOT_ALLOWED' : 'WRONG_TYPE';
        return [problem(path, reason, `${label} không hợp lệ${got}: cần ${wanted}.`)];
      }
      case 'custom': {
        // The format's own refinements give a catalogued reason and say why in Vietnamese; any other says nothing people can read.
        const given = (issue.params as { reason?: unknown } | undefined)?.reason;
        return isReason(given) ? [problem(path, given, `${label} ${issue.message}.`)] : [broken('đúng quy định')];
      }
      default:
        return [broken('đúng định dạng quy định')];
    }
  };

  return error.issues.flatMap((issue) => translate(issue, []));
}
