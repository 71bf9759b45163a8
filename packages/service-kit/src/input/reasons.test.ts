import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { isReason, reasonCatalogueMarkdown, REASONS, type Reason } from './reasons.js';

/** The repository root: this file is packages/service-kit/src/input/reasons.test.ts. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'generated', 'dist']);

/** Every non-test TypeScript source under apps/<app>/src and packages/<package>/src. */
function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path);
      } else if (entry.isFile() && entry.name.endsWith('.ts') && !/\.(test|test-fixture|d)\.ts$/.test(entry.name)) {
        files.push(path);
      }
    }
  };
  for (const group of ['apps', 'packages']) {
    for (const entry of readdirSync(join(ROOT, group), { withFileTypes: true })) {
      const src = join(ROOT, group, entry.name, 'src');
      if (entry.isDirectory() && existsSync(src)) walk(src);
    }
  }
  return files;
}

const NAME = /[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*/g;
const QUOTED_NAME = String.raw`(?:'[A-Z][A-Z0-9_]*'|"[A-Z][A-Z0-9_]*")`;
/** An argument that is nothing but an UPPER_SNAKE string literal. */
const LITERAL_ARGUMENT = /^(['"])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\1$/;

/** `reason: 'X'`, `reason = 'X'`, and unions: `reason: 'X' | 'Y'` (not comparisons: who-growth.ts compares a z-score's NotComputedReason). */
const REASON_PROPERTY = new RegExp(
  String.raw`\breason\??\s*(?::|=(?!=))\s*(${QUOTED_NAME}(?:\s*\|\s*${QUOTED_NAME})*)`,
  'g',
);

/**
 * `type UnsafeInputReason = 'A' | 'B'`: the reasons a helper returns and a caller puts in an error. Not
 * NotComputedReason (who-growth.ts): why a z-score is not computed (it is then null); it never reaches an error.
 */
const REASON_TYPE = new RegExp(String.raw`\btype\s+(\w*Reason)\s*=\s*((?:\s*\|?\s*${QUOTED_NAME})+)`, 'g');
const NOT_ERROR_REASON_TYPES = new Set(['NotComputedReason']);

/** Calls taking a reason as an argument, and where (0-based); a literal there must be a catalogued reason. */
const REASON_ARGUMENTS: Record<string, readonly number[]> = {
  rejectInput: [1], // rejectInput(what, 'INVALID_X', problems)
  reject: [1], // education's reject(what, 'INVALID_X', problems)
  rejectIfProblems: [2], // rejectIfProblems(problems, what, 'INVALID_X')
  forbidden: [1], // forbidden(message, 'X', details)
  problem: [1], // problem(field, 'X', message)
  add: [1, 2], // add(field, 'X', message) and add(path, message, 'X')
  authError: [0],
  AuthenticationError: [0],
  RequestAborted: [0],
  rejectWith: [0],
  queryLimitError: [0],
  errorBody: [2], // errorBody(message, code, 'X')
};
const CALL = new RegExp(String.raw`\b(${Object.keys(REASON_ARGUMENTS).join('|')})\s*\(`, 'g');

/** Index just past the string or template literal starting at `i`. */
function skipLiteral(source: string, i: number): number {
  const quote = source[i];
  for (let j = i + 1; j < source.length; j++) {
    const ch = source[j];
    if (ch === '\\') j++;
    else if (ch === quote) return j + 1;
    else if (quote === '`' && ch === '$' && source[j + 1] === '{') j = skipBalanced(source, j + 2, '}') - 1;
    else if (quote !== '`' && ch === '\n') return j;
  }
  return source.length;
}

/** Index just past the `close` ending an expression that starts at `i` (brackets, literals and comments skipped). */
function skipBalanced(source: string, i: number, close: string): number {
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    const ch = source[j]!;
    if (ch === "'" || ch === '"' || ch === '`') j = skipLiteral(source, j) - 1;
    else if (ch === '/' && source[j + 1] === '/')
      j = source.indexOf('\n', j) === -1 ? source.length : source.indexOf('\n', j);
    else if (ch === '/' && source[j + 1] === '*')
      j = source.indexOf('*/', j) === -1 ? source.length : source.indexOf('*/', j) + 1;
    else if ('([{'.includes(ch)) depth++;
    else if (depth === 0 && ch === close) return j + 1;
    else if (')]}'.includes(ch)) depth--;
  }
  return source.length;
}

/** The top-level arguments of the call whose `(` is at `open`, as written. */
function callArguments(source: string, open: number): string[] {
  const args: string[] = [];
  let start = open + 1;
  let depth = 0;
  for (let j = open + 1; j < source.length; j++) {
    const ch = source[j]!;
    if (ch === "'" || ch === '"' || ch === '`') j = skipLiteral(source, j) - 1;
    else if (ch === '/' && source[j + 1] === '/')
      j = source.indexOf('\n', j) === -1 ? source.length : source.indexOf('\n', j);
    else if (ch === '/' && source[j + 1] === '*')
      j = source.indexOf('*/', j) === -1 ? source.length : source.indexOf('*/', j) + 1;
    else if ('([{'.includes(ch)) depth++;
    else if (depth > 0 && ')]}'.includes(ch)) depth--;
    else if (depth === 0 && (ch === ',' || ch === ')')) {
      args.push(source.slice(start, j).trim());
      start = j + 1;
      if (ch === ')') return args;
    }
  }
  return args;
}

/** The reason literals of one source file. */
function reasonsIn(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(REASON_PROPERTY))
    found.push(...Array.from(match[1]!.matchAll(NAME), (m) => m[0]));
  for (const match of source.matchAll(REASON_TYPE)) {
    if (!NOT_ERROR_REASON_TYPES.has(match[1]!)) found.push(...Array.from(match[2]!.matchAll(NAME), (m) => m[0]));
  }
  for (const match of source.matchAll(CALL)) {
    const args = callArguments(source, match.index + match[0].length - 1);
    for (const position of REASON_ARGUMENTS[match[1]!]!) {
      const literal = LITERAL_ARGUMENT.exec(args[position] ?? '');
      if (literal) found.push(literal[2]!);
    }
  }
  return found;
}

/** Every reason literal of the sources, with the files using it. */
function reasonsInSources(): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    for (const reason of new Set(reasonsIn(readFileSync(file, 'utf8')))) {
      uses.set(reason, [...(uses.get(reason) ?? []), relative(ROOT, file)]);
    }
  }
  return uses;
}

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;
const entries = Object.entries(REASONS) as [Reason, { meaning: string; message: string }][];

describe('the reason catalogue', () => {
  it('holds every reason the sources of apps/*/src and packages/*/src use', () => {
    const uses = reasonsInSources();
    // The extraction must find the reasons, or this test would pass by finding nothing.
    expect(uses.size).toBeGreaterThanOrEqual(150);
    const missing = [...uses]
      .filter(([reason]) => !isReason(reason))
      .map(([reason, files]) => `${reason} (${files.join(', ')})`);
    expect(missing, `reasons used but not in REASONS (input/reasons.ts):\n${missing.join('\n')}`).toEqual([]);
  });

  it('finds reasons in each form they are given', () => {
    const source = [
      "throw badInput('…', { field: 'x', reason: 'A_ONE' });",
      "readonly reason = 'B_TWO';",
      'readonly reason: \'C_THREE\' | "D_FOUR",',
      "rejectInput('Thiết chế văn hóa, thể thao', 'E_FIVE', problems);",
      "rejectInput(kind === 'NOT_A_REASON' ? 'x' : 'y', 'F_SIX', problems);",
      "rejectIfProblems(checkReason(input.reason, REQUIRED.has(input.action)), 'Yêu cầu', 'G_SEVEN', '');",
      'add(`${at}.code`, `Mã "${target.code}" bị trùng, hãy sửa.`, \'H_EIGHT\');',
      "c.add('field', 'I_NINE', `${label} (${iso(value)}) ở tương lai.`);",
      "throw forbidden('Không, được.', 'J_TEN', { field });",
      "problem(field, 'K_ELEVEN', `${label} phải là số nguyên.`)",
      "export type UnsafeInputReason = 'L_TWELVE' | 'M_THIRTEEN';",
      "export type NotComputedReason = 'NOT_AN_ERROR';",
      "throw authError('N_FOURTEEN');",
      "res.json(errorBody('…', ErrorCode.NotFound, 'O_FIFTEEN'));",
      "seen.add('NOT_A_REASON_EITHER');",
    ].join('\n');
    expect(new Set(reasonsIn(source))).toEqual(
      new Set([
        'A_ONE',
        'B_TWO',
        'C_THREE',
        'D_FOUR',
        'E_FIVE',
        'F_SIX',
        'G_SEVEN',
        'H_EIGHT',
        'I_NINE',
        'J_TEN',
        'K_ELEVEN',
        'L_TWELVE',
        'M_THIRTEEN',
        'N_FOURTEEN',
        'O_FIFTEEN',
      ]),
    );
  });

  it('gives every reason a meaning and a Vietnamese message', () => {
    for (const [reason, { meaning, message }] of entries) {
      expect(reason, reason).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
      expect(meaning.trim(), `${reason}: meaning`).not.toBe('');
      expect(meaning, `${reason}: meaning`).toMatch(/\.$/);
      expect(message.trim(), `${reason}: message`).not.toBe('');
      expect(message.normalize('NFC'), `${reason}: message`).toMatch(VIETNAMESE_LETTER);
      expect(message, `${reason}: message`).toMatch(/\.$/);
    }
  });

  it('no longer holds the names that were unified', () => {
    for (const retired of ['UNKNOWN_COMMUNE_CODE', 'WRONG_UNIT_LEVEL', 'NOT_AN_INTEGER'])
      expect(isReason(retired), retired).toBe(false);
    expect(isReason('UNKNOWN_UNIT_CODE')).toBe(true);
    expect(isReason('toString')).toBe(false);
    expect(isReason(42)).toBe(false);
  });

  it('lists every reason in the Markdown table', () => {
    const table = reasonCatalogueMarkdown();
    const lines = table.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['| reason | meaning | message |', '| --- | --- | --- |']);
    expect(lines).toHaveLength(entries.length + 2);
    for (const [reason, { message }] of entries) {
      const row = lines.find((line) => line.startsWith(`| \`${reason}\` |`));
      expect(row, reason).toBeDefined();
      expect(row).toContain(message);
    }
  });
});

describe('the README', () => {
  it('lists the catalogue as it is (npm run reasons)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- reasons:start -->\n\n([\s\S]*?)\n<!-- reasons:end -->/.exec(readme)?.[1];
    expect(block).toBe(reasonCatalogueMarkdown());
  });
});
