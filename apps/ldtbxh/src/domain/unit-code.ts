import { badInput } from '@ecd/service-kit';

const UNIT_CODE = /^(\d{2}|\d{3}|\d{5})$/;

/** Official codes are 2 (province), 3 (district) or 5 (commune) digits, leading zeros kept. */
export function assertUnitCode(code: string, field = 'code'): string {
  const trimmed = code.trim();
  if (!UNIT_CODE.test(trimmed)) {
    throw badInput(
      `Mã đơn vị hành chính "${code.length > 20 ? `${code.slice(0, 20)}…` : code}" không hợp lệ: phải gồm 2 (tỉnh), 3 (huyện) hoặc 5 (xã) chữ số.`,
      {
        field,
        reason: 'MALFORMED_UNIT_CODE',
      },
    );
  }
  return trimmed;
}
