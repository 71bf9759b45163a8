/** How the API's codes are named for people. */

export const PROGRESS_STATUS_LABELS: Record<string, string> = {
  REACHED: 'Đạt',
  ON_TRACK: 'Đúng tiến độ',
  AT_RISK: 'Có nguy cơ không đạt',
  BEHIND: 'Chậm, không đạt',
  NO_DATA: 'Chưa có số liệu',
};

export const SUBMISSION_STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Bản nháp',
  SUBMITTED: 'Đã nộp',
  ACCEPTED: 'Đã chấp nhận',
  RETURNED: 'Đã trả lại',
};

/** The sectors owning indicators (the API's `Sector`). */
export const SECTOR_LABELS: Record<string, string> = {
  SOCIAL_AFFAIRS: 'LĐTBXH',
  HEALTH: 'Y tế',
  EDUCATION: 'Giáo dục và Đào tạo',
  CULTURE: 'Văn hóa, Thể thao và Du lịch',
};

export const PLAN_LEVEL_LABELS: Record<string, string> = {
  NATIONAL: 'Quốc gia',
  PROVINCIAL: 'Cấp tỉnh',
  DISTRICT: 'Cấp huyện',
  SECTOR: 'Cấp ngành',
};

export const FREQUENCY_LABELS: Record<string, string> = {
  ANNUAL: 'Hằng năm',
  MIDTERM: 'Sơ kết',
  FINAL: 'Tổng kết',
};
