export type Comparator = 'GTE' | 'GT' | 'LTE' | 'LT' | 'EQ' | 'MAINTAIN';
export type ProgressStatus = 'REACHED' | 'ON_TRACK' | 'BEHIND' | 'NO_DATA';

export interface Milestone {
  year: number;
  comparator: Comparator;
  value: number;
}

/** Whether a value satisfies a milestone ("maintain 100%" is met by at least 100%). */
export function meets(value: number, { comparator, value: target }: Milestone): boolean {
  switch (comparator) {
    case 'GTE':
    case 'MAINTAIN':
      return value >= target;
    case 'GT':
      return value > target;
    case 'LTE':
      return value <= target;
    case 'LT':
      return value < target;
    case 'EQ':
      return value === target;
  }
}

/** The milestone a year is held against: the first one due that year or later, else the last one. */
export function milestoneFor(milestones: readonly Milestone[], year: number): Milestone | undefined {
  const sorted = [...milestones].sort((a, b) => a.year - b.year);
  return sorted.find((m) => m.year >= year) ?? sorted.at(-1);
}

/**
 * How a value stands against a target's milestones in a year. Reached: it meets the milestone held
 * against. On track: not yet, but that milestone is still ahead and every milestone already due
 * (if any) was met. Behind: otherwise. No data: the owning sector has no figure.
 */
export function assessProgress(
  value: number | null,
  milestones: readonly Milestone[],
  year: number,
): { milestone: Milestone | undefined; status: ProgressStatus; gap: number | null } {
  const milestone = milestoneFor(milestones, year);
  if (value === null || !milestone) return { milestone, status: 'NO_DATA', gap: null };
  const gap = value - milestone.value;
  if (meets(value, milestone)) return { milestone, status: 'REACHED', gap };
  const due = milestones.filter((m) => m.year <= year);
  const ahead = milestone.year > year;
  return { milestone, status: ahead && due.every((m) => meets(value, m)) ? 'ON_TRACK' : 'BEHIND', gap };
}

/** The value shown for a figure: a ratio's numerator / denominator × factor, or a count. */
export function indicatorValue(
  figure: { numerator: number; denominator: number | null } | null,
  kind: 'RATIO' | 'COUNT' | 'BOOLEAN',
  factor: number,
): number | null {
  if (!figure) return null;
  if (kind !== 'RATIO') return figure.numerator;
  return figure.denominator ? (figure.numerator / figure.denominator) * factor : null;
}

/** A stored figure's value: a count as it is, a ratio's numerator / denominator × factor (none without a positive denominator). */
export function figureValue(numerator: number, denominator: number | null, factor: number): number | null {
  if (denominator === null) return numerator;
  return denominator > 0 ? (numerator / denominator) * factor : null;
}
