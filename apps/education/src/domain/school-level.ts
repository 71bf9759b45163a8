import type { SchoolLevel } from '../generated/graphql.js';

/** Levels in display order with their Vietnamese names. */
export const SCHOOL_LEVELS: readonly { level: SchoolLevel; label: string }[] = [
  { level: 'PRESCHOOL', label: 'Mầm non' },
  { level: 'PRIMARY', label: 'Tiểu học' },
  { level: 'LOWER_SECONDARY', label: 'Trung học cơ sở' },
];

/** Every level, with zero where the unit has no school of it. */
export function countsByLevel(rows: readonly { group: string | null; count: number }[]) {
  return SCHOOL_LEVELS.map(({ level, label }) => ({ level, label, count: rows.find((r) => r.group === level)?.count ?? 0 }));
}
