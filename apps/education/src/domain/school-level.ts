/** The school levels education records (the SchoolLevel enum of the schema), in display order. */
export const SCHOOL_LEVEL_CODES = ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVEL_CODES)[number];

/** The Vietnamese name of each level. */
export const SCHOOL_LEVEL_LABELS: Readonly<Record<SchoolLevel, string>> = {
  PRESCHOOL: 'Mầm non',
  PRIMARY: 'Tiểu học',
  LOWER_SECONDARY: 'Trung học cơ sở',
};

/** Levels in display order with their Vietnamese names. */
export const SCHOOL_LEVELS: readonly { level: SchoolLevel; label: string }[] = SCHOOL_LEVEL_CODES.map((level) => ({
  level,
  label: SCHOOL_LEVEL_LABELS[level],
}));

/** Every level, with zero where the unit has no school of it. */
export function countsByLevel(rows: readonly { group: string | null; count: number }[]) {
  return SCHOOL_LEVELS.map(({ level, label }) => ({
    level,
    label,
    count: rows.find((r) => r.group === level)?.count ?? 0,
  }));
}

/** Who founded and runs a school (the SchoolOwnership enum of the schema), with its Vietnamese name. */
export const SCHOOL_OWNERSHIP_LABELS = { PUBLIC: 'Công lập', PEOPLE_FOUNDED: 'Dân lập', PRIVATE: 'Tư thục' } as const;
export type SchoolOwnership = keyof typeof SCHOOL_OWNERSHIP_LABELS;

/** What kind of facility (the SchoolKind enum of the schema), with its Vietnamese name. */
export const SCHOOL_KIND_LABELS = {
  SCHOOL: 'Trường',
  INDEPENDENT_GROUP: 'Nhóm trẻ, lớp mẫu giáo, lớp mầm non độc lập',
} as const;
export type SchoolKind = keyof typeof SCHOOL_KIND_LABELS;
