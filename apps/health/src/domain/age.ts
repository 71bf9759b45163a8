/** Calendar-date arithmetic in UTC, where PostgreSQL DATE values live. */
function minusYears(date: Date, years: number): Date {
  const result = new Date(date);
  result.setUTCFullYear(result.getUTCFullYear() - years);
  return result;
}

export interface BirthDateWindow {
  /** Exclusive lower bound. */
  bornAfter: Date;
  /** Inclusive upper bound. */
  bornOnOrBefore: Date;
}

/**
 * Birth dates of children whose age in completed years on `asOf` is between `minAge` and `maxAge`:
 * "up to 8 years old" (0-8) means born after the day 9 years before and on or before the day 0 years before.
 */
export function birthDateWindow(asOf: Date, minAge: number, maxAge: number): BirthDateWindow {
  if (minAge < 0 || maxAge < minAge) throw new RangeError(`invalid age range ${minAge}-${maxAge}`);
  return { bornAfter: minusYears(asOf, maxAge + 1), bornOnOrBefore: minusYears(asOf, minAge) };
}
