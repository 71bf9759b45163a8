/** Dates are calendar days, stored as UTC midnight (PostgreSQL DATE) and exchanged as YYYY-MM-DD. */
export const toIsoDate = (date: Date) => date.toISOString().slice(0, 10);

export function fromIsoDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** Today's calendar date in Vietnam (UTC+7), which is what "as of today" means to users. */
export function todayInVietnam(now: Date = new Date()): Date {
  return fromIsoDate(toIsoDate(new Date(now.getTime() + 7 * 3600_000)));
}
