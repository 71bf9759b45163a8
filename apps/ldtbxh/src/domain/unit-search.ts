import { problem, type InputProblem } from '@ecd/service-kit';

/**
 * Finding a unit by name as people type it: with or without diacritics ("dong kinh", "Đông Kinh"), in
 * any case, with the unit word or without ("phuong dong kinh"). The text asked and the names are folded
 * the same way (`foldVietnamese`), then matched and ranked here (`matchUnits`), with no database
 * extension (unaccent is not in the embedded PGlite) and no stored column.
 */

const baseLetters = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** A text without diacritics, in lower case, its runs of spaces made one: what names are compared as. */
export const foldVietnamese = (text: string): string => baseLetters(text).toLowerCase().replace(/\s+/g, ' ').trim();

/** The longest text a search takes. */
export const MAX_SEARCH_LENGTH = 100;
/** The most units one search returns. */
export const MAX_SEARCH_RESULTS = 50;

export interface UnitSearch {
  /** The text folded (no diacritics, lower case). */
  folded: string;
  /** The text as a code when it is only digits: matched as the start of a code. */
  codePrefix: string | null;
  size: number;
}

/** Checks a search's text and size, and what it is compared as; every problem at once. */
export function unitSearchOf(
  text: string,
  first: number | null | undefined,
): { problems: [InputProblem, ...InputProblem[]]; search: null } | { problems: []; search: UnitSearch } {
  const problems: InputProblem[] = [];
  const folded = foldVietnamese(text);
  if (!folded) problems.push(problem('text', 'REQUIRED', 'Vui lòng nhập tên hoặc mã đơn vị cần tìm.'));
  else if (folded.length > MAX_SEARCH_LENGTH)
    problems.push(problem('text', 'TOO_LONG', `Nội dung tìm kiếm dài quá ${MAX_SEARCH_LENGTH} ký tự.`));
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SEARCH_RESULTS)
    problems.push(
      problem('first', 'PAGE_SIZE_OUT_OF_RANGE', `Số đơn vị trả về (first) phải từ 1 đến ${MAX_SEARCH_RESULTS}.`),
    );
  const [head, ...rest] = problems;
  if (head) return { problems: [head, ...rest], search: null };
  return {
    problems: [],
    search: {
      folded,
      codePrefix: /^\d+$/.test(folded) ? folded : null,
      size,
    },
  };
}

/** A unit as searched: its key, level and period, its names folded once. */
export interface SearchableUnit {
  code: string;
  validFrom: Date;
  validTo: Date | null;
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  /** `foldVietnamese` of its name ("dong kinh") and of its full name ("phuong dong kinh"). */
  name: string;
  fullName: string;
}

const LEVEL_RANK = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 } as const;

/**
 * How close a unit is to the text, the lower the closer: its code (0), a name equal to the text (1), a name
 * starting with it (2), a word of a name starting with it (3), a name containing it (4); a code starting with
 * digits (4); null when it does not match.
 */
export function matchRank(unit: SearchableUnit, search: Pick<UnitSearch, 'folded' | 'codePrefix'>): number | null {
  const { folded } = search;
  if (unit.code === folded) return 0;
  const names = [unit.name, unit.fullName];
  if (names.some((n) => n === folded)) return 1;
  if (names.some((n) => n.startsWith(folded))) return 2;
  if (names.some((n) => n.includes(` ${folded}`))) return 3;
  if (names.some((n) => n.includes(folded))) return 4;
  if (search.codePrefix && unit.code.startsWith(search.codePrefix)) return 4;
  return null;
}

/**
 * The units matching a search, the closest first (`matchRank`), then provinces before districts before
 * communes, units of today before older ones, the newest period first, and by code; at most `size`.
 * `asOf` keeps the units valid that day, `level` those of one level.
 */
export function matchUnits<Unit extends SearchableUnit>(
  units: readonly Unit[],
  search: UnitSearch,
  filters: { level?: SearchableUnit['level'] | null; asOf?: Date | null } = {},
): Unit[] {
  const { level, asOf } = filters;
  const ranked: { unit: Unit; rank: number }[] = [];
  for (const unit of units) {
    if (level && unit.level !== level) continue;
    if (asOf && (unit.validFrom > asOf || (unit.validTo !== null && unit.validTo < asOf))) continue;
    const rank = matchRank(unit, search);
    if (rank !== null) ranked.push({ unit, rank });
  }
  return ranked
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        LEVEL_RANK[a.unit.level] - LEVEL_RANK[b.unit.level] ||
        Number(a.unit.validTo !== null) - Number(b.unit.validTo !== null) ||
        b.unit.validFrom.getTime() - a.unit.validFrom.getTime() ||
        (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0),
    )
    .slice(0, search.size)
    .map((r) => r.unit);
}
