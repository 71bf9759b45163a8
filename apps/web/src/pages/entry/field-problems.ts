import { describeError, type ShownProblem } from '../../graphql/errors.ts';

/** The problems of a refused input, each beside the field it names, the rest above the form. */
export interface FieldProblems {
  /** By the input's own field name (`weightKg`), the argument's prefix (`input.`) left off. */
  byField: ReadonlyMap<string, ShownProblem[]>;
  /** The problems of no field the form shows: the refusal itself, a refusal of the whole request... */
  general: ShownProblem[];
}

/**
 * Sorts what the server said of an input by field: each problem of `extensions.problems` (and an error
 * naming one field, such as OUTSIDE_SCOPE on `input.communeCode`) goes next to the field the form shows for
 * it; the rest, with the refusal's own message ("Số đo có 2 lỗi…"), is said once above the form.
 */
export function problemsByField(error: unknown, fields: readonly string[], prefix = 'input.'): FieldProblems {
  const byField = new Map<string, ShownProblem[]>();
  const general: ShownProblem[] = [];
  for (const problem of describeError(error)) {
    const name = problem.field?.startsWith(prefix) ? problem.field.slice(prefix.length) : problem.field;
    if (name && fields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), problem]);
    else general.push(problem);
  }
  return { byField, general };
}

/**
 * A number as people type it in Vietnam: a comma (or a dot) for the decimals, no thousands separator
 * for the measurements and figures asked here (`9,1`, `76.5`, `1200`); null when it is not one.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}

/**
 * A day as Vietnamese write it, `dd/mm/yyyy` (or `d/m/yyyy`, with dots or dashes; an ISO `yyyy-mm-dd` too),
 * as the API takes it (`yyyy-mm-dd`); null when it is not a day of the calendar (31/02/2025).
 */
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, day] = vietnamese
    ? [Number(vietnamese[3]), Number(vietnamese[2]), Number(vietnamese[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
