/** How the API's codes of the entry screens are named for people. */

export const SEX_LABELS: Record<string, string> = { MALE: 'Nam', FEMALE: 'Nữ' };

export const POSITION_LABELS: Record<string, string> = {
  LYING: 'Đo nằm (chiều dài)',
  STANDING: 'Đo đứng (chiều cao)',
};

/** A status of growth per indicator: none, moderate (−3 to −2 SD) or severe (below −3 SD). */
export const DEFICIT_LABELS: Record<'stunting' | 'underweight' | 'wasting', Record<string, string>> = {
  stunting: { NONE: 'Không thấp còi', MODERATE: 'Thấp còi vừa', SEVERE: 'Thấp còi nặng' },
  underweight: { NONE: 'Không nhẹ cân', MODERATE: 'Nhẹ cân vừa', SEVERE: 'Nhẹ cân nặng' },
  wasting: { NONE: 'Không gầy còm', MODERATE: 'Gầy còm vừa', SEVERE: 'Gầy còm nặng' },
};

export const REFERRAL_STATUS_LABELS = {
  SENT: 'Đã chuyển, chờ tiếp nhận',
  ACCEPTED: 'Đã tiếp nhận',
  DECLINED: 'Bị từ chối',
  DELIVERED: 'Đã cung cấp dịch vụ',
  NOT_DELIVERED: 'Không cung cấp được dịch vụ',
} as const satisfies Record<string, string>;

export const UNIT_LEVEL_LABELS: Record<string, string> = {
  PROVINCE: 'Cấp tỉnh',
  DISTRICT: 'Cấp huyện',
  COMMUNE: 'Cấp xã',
};
