import { unitListFor } from '@ecd/reference-data';
import { toIsoDate } from '@ecd/service-kit';

/** The first day of the unit list valid on a day, or null before the oldest list: a culture record may not span two lists. */
export function unitListStart(day: Date): string | null {
  try {
    return unitListFor(toIsoDate(day)).validFrom;
  } catch {
    return null;
  }
}
