import { toIsoDate } from './dates.js';

/**
 * An administrative unit as the federation identifies it (the AdministrativeUnit entity's key):
 * official code + first day of validity. Sector records carry these columns for their commune and province.
 */
export interface UnitKey {
  code: string;
  /** ISO date, YYYY-MM-DD. */
  validFrom: string;
}

export const unitKeyString = (key: UnitKey) => `${key.code}@${key.validFrom}`;

/** The key of an AdministrativeUnit entity representation (validFrom arrives as text from the gateway, as a Date from a database row). */
export function unitKeyFromReference(reference: { code: string; validFrom: Date | string }): UnitKey {
  return {
    code: reference.code,
    validFrom: typeof reference.validFrom === 'string' ? reference.validFrom : toIsoDate(reference.validFrom),
  };
}
