/**
 * How figures and statuses are written for people, the same in every service and every file the system
 * produces (the progress API's `gapLabel`, the annual report, the Excel exports).
 */

// Made once per number of digits: a NumberFormat costs far more to make than to use (thousands per request).
const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number as Vietnamese write it: comma for decimals, dot between thousands, at most `digits` decimals. */
export const vietnameseNumber = (value: number, digits = 2) => {
  let format = numberFormats.get(digits);
  if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits })));
  return format.format(value);
};

/** The statuses of a target's progress (ProgressStatus), as planners name them. */
export const PROGRESS_STATUS_LABELS = {
  REACHED: 'Đạt',
  ON_TRACK: 'Đúng tiến độ',
  AT_RISK: 'Có nguy cơ không đạt',
  BEHIND: 'Chậm, không đạt',
  NO_DATA: 'Chưa có số liệu',
} as const;

export type ProgressStatusName = keyof typeof PROGRESS_STATUS_LABELS;

/** The sectors owning indicators (Indicator.sector), as the departments are named. */
export const INDICATOR_SECTOR_LABELS = {
  HEALTH: 'Y tế',
  EDUCATION: 'Giáo dục và Đào tạo',
  CULTURE: 'Văn hóa, Thể thao và Du lịch',
  SOCIAL_AFFAIRS: 'Lao động - Thương binh và Xã hội',
} as const;

/** The statuses of a submitted report (SubmissionStatus), as a table of reports shows them. */
export const SUBMISSION_STATUS_LABELS = {
  DRAFT: 'Bản nháp',
  SUBMITTED: 'Đã nộp',
  ACCEPTED: 'Đã chấp nhận',
  RETURNED: 'Đã trả lại',
} as const;
