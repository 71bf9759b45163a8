import { toIsoDate, type UnitKey } from '@ecd/service-kit';

/** The AdministrativeUnit entity of a record's location columns. */
export const unit = (code: string, validFrom: Date): UnitKey => ({ code, validFrom: toIsoDate(validFrom) });
export const optionalUnit = (code: string | null, validFrom: Date | null) =>
  code && validFrom ? unit(code, validFrom) : null;
