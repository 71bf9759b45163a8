import { onUniqueViolation } from '@ecd/database';
import { conflict } from '@ecd/service-kit';

/**
 * Runs a versioned write: two submissions for the same school (or commune) and year at the same moment
 * would take the same version number, and the unique index refuses the second: a typed conflict.
 */
export const versioned = <T>(write: () => Promise<T>): Promise<T> =>
  onUniqueViolation(write, () =>
    conflict('Một bản khác của số liệu này vừa được ghi cùng lúc; không có dữ liệu nào được ghi, hãy gửi lại.', {
      field: 'input',
      reason: 'CONCURRENT_SUBMISSION',
    }),
  );
