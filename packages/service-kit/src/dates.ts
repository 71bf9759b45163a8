/** Dates are calendar days, stored as UTC midnight (PostgreSQL DATE) and exchanged as YYYY-MM-DD. */
export const toIsoDate = (date: Date) => date.toISOString().slice(0, 10);

export function fromIsoDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** Today's calendar date in Vietnam (UTC+7), which is what "as of today" means to users. */
export function todayInVietnam(now: Date = new Date()): Date {
  return fromIsoDate(toIsoDate(new Date(now.getTime() + 7 * 3600_000)));
}

/**
 * Years a date given to the system may fall in. PostgreSQL has no year 0 (graphql-scalars' Date let
 * `0000-01-01` through to a database error), and nothing the system records about children lies
 * before 1900 or after 2100.
 */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

/** What a date given as input must be, for people. */
export const DATE_INPUT_RULE = `cần một ngày có thật, dạng YYYY-MM-DD, năm từ ${DATE_YEARS.min} đến ${DATE_YEARS.max}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day a `YYYY-MM-DD` string names, if it is a real one (not 2021-02-30, which Date rolls over to 2 March). */
export function parseCalendarDay(value: string): Date | undefined {
  if (!ISO_DATE.test(value)) return undefined;
  const date = fromIsoDate(value);
  return !Number.isNaN(date.getTime()) && toIsoDate(date) === value ? date : undefined;
}

/** The day a date given as input names: a real calendar day, `YYYY-MM-DD`, within DATE_YEARS; otherwise undefined. */
export function parseInputDate(value: string): Date | undefined {
  const date = parseCalendarDay(value);
  const year = date?.getUTCFullYear();
  return year !== undefined && year >= DATE_YEARS.min && year <= DATE_YEARS.max ? date : undefined;
}
