/** Vietnamese labels of the culture sector's enumerations, for people (identifiers stay English). */
export const FACILITY_KIND_LABELS = {
  CULTURAL_HOUSE: 'Nhà văn hóa',
  SPORTS_GROUND: 'Sân thể thao',
  LIBRARY: 'Thư viện',
  CHILDREN_PLAYGROUND: 'Khu vui chơi trẻ em',
} as const;

export const CHILD_ACTIVITY_KIND_LABELS = {
  READING: 'Đọc sách',
  ARTS: 'Văn nghệ, mỹ thuật',
  SPORTS: 'Thể dục, thể thao',
  PLAY: 'Vui chơi',
  FESTIVAL: 'Lễ hội, ngày hội',
  LIFE_SKILLS: 'Kỹ năng sống',
  OTHER: 'Khác',
} as const;

export const OUTREACH_KIND_LABELS = {
  FAMILY_EDUCATION: 'Giáo dục đời sống gia đình',
  COMMUNICATION_CAMPAIGN: 'Truyền thông',
} as const;

export const OUTREACH_CHANNEL_LABELS = {
  LOUDSPEAKER: 'Loa truyền thanh',
  MEETING: 'Họp, hội nghị, nói chuyện chuyên đề',
  CLUB: 'Câu lạc bộ, nhóm',
  TELEVISION: 'Truyền hình',
  RADIO: 'Phát thanh',
  SOCIAL_MEDIA: 'Mạng xã hội',
  LEAFLET: 'Tờ rơi, tài liệu',
  PANEL: 'Pa nô, áp phích',
  OTHER: 'Khác',
} as const;

export type FacilityKind = keyof typeof FACILITY_KIND_LABELS;
export type ChildActivityKind = keyof typeof CHILD_ACTIVITY_KIND_LABELS;
export type OutreachKind = keyof typeof OUTREACH_KIND_LABELS;
export type OutreachChannel = keyof typeof OUTREACH_CHANNEL_LABELS;
