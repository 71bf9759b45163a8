import { vietnameseNumber } from '@ecd/service-kit';

export type Comparator = 'GTE' | 'GT' | 'LTE' | 'LT' | 'EQ' | 'MAINTAIN';
export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
export type ProgressStatus = 'REACHED' | 'ON_TRACK' | 'AT_RISK' | 'BEHIND' | 'NO_DATA';

export interface Milestone {
  year: number;
  comparator: Comparator;
  value: number;
}

/** A target's starting point: the plan's own, or the first year of the plan with a figure. */
export interface Baseline {
  year: number;
  value: number;
  from: 'PLAN' | 'FIRST_FIGURE';
}

/**
 * How close a value must be to count as equal to a milestone (EQ, MAINTAIN): 1 % of the milestone's
 * value, so 100 % is kept at 99 % and a dropout rate of 0.10 % at 0.101 %. Strict comparators only
 * absorb floating-point noise.
 */
export const TOLERANCE_SHARE = 0.01;
const noise = (target: number) => 1e-9 * Math.max(1, Math.abs(target));
const tolerance = (target: number) => Math.max(noise(target), TOLERANCE_SHARE * Math.abs(target));

/** +1 when a larger value is better, −1 when a smaller one is. */
const sense = (direction: Direction) => (direction === 'HIGHER_IS_BETTER' ? 1 : -1);

/**
 * Whether a value satisfies a milestone. MAINTAIN keeps at least the level in the indicator's direction
 * (maintaining dropout at 0.1 is met by 0.1 or less), EQ and MAINTAIN allow the tolerance.
 */
export function meets(value: number, { comparator, value: target }: Milestone, direction: Direction): boolean {
  switch (comparator) {
    case 'GTE':
      return value >= target - noise(target);
    case 'GT':
      return value > target + noise(target);
    case 'LTE':
      return value <= target + noise(target);
    case 'LT':
      return value < target - noise(target);
    case 'EQ':
      return Math.abs(value - target) <= tolerance(target);
    case 'MAINTAIN':
      return sense(direction) * (value - target) >= -tolerance(target);
  }
}

/** The milestone a year is held against: the first one due that year or later, else the last one. */
export function milestoneFor(milestones: readonly Milestone[], year: number): Milestone | undefined {
  const sorted = [...milestones].sort((a, b) => a.year - b.year);
  return sorted.find((m) => m.year >= year) ?? sorted.at(-1);
}

/**
 * The baseline: the plan's, else the first year of the plan before `year` with a figure (a year cannot
 * be its own baseline: that would put every first figure on track).
 */
export function baselineOf(
  planBaseline: { year: number; value: number } | null,
  figures: readonly { year: number; value: number | null }[],
  periodStart: number,
  year: number,
): Baseline | null {
  if (planBaseline && planBaseline.year < year) return { ...planBaseline, from: 'PLAN' };
  const first = [...figures]
    .filter((f): f is { year: number; value: number } => f.value !== null && f.year >= periodStart && f.year < year)
    .sort((a, b) => a.year - b.year)[0];
  return first ? { year: first.year, value: first.value, from: 'FIRST_FIGURE' } : null;
}

/**
 * The value the trajectory expects in a year: straight lines from the baseline to each milestone in
 * turn (milestones before the baseline are passed over), the last milestone's value after it.
 */
export function expectedOn(baseline: Baseline, milestones: readonly Milestone[], year: number): number {
  const points: [{ year: number; value: number }, ...{ year: number; value: number }[]] = [
    { year: baseline.year, value: baseline.value },
    ...[...milestones].filter((m) => m.year > baseline.year).sort((a, b) => a.year - b.year),
  ];
  let from = points[0];
  for (const to of points.slice(1)) {
    if (year <= to.year) return from.value + ((to.value - from.value) * (year - from.year)) / (to.year - from.year);
    from = to;
  }
  return from.value;
}

export interface Assessment {
  milestone: Milestone | undefined;
  status: ProgressStatus;
  /** value − milestone value. */
  gap: number | null;
  /** Whether the value meets the milestone held against (null without a value). */
  met: boolean | null;
  /** How far the value still is from meeting the milestone (0 once met). */
  shortfall: number | null;
  baseline: Baseline | null;
  /** The trajectory's value for the year; null without a baseline. */
  expected: number | null;
}

/**
 * How a value stands in a year against a target's milestones, read as planners read it:
 * - NO_DATA: the owning sector has no figure;
 * - REACHED: the value meets the milestone held against (the comparator, in the indicator's direction);
 * - BEHIND: it does not and that milestone is due this year or was due earlier;
 * - before the milestone, against the trajectory from the baseline: ON_TRACK at or beyond the
 *   trajectory's value; AT_RISK short of it but having made at least half of the progress the
 *   trajectory expects by now, or without a baseline to judge the pace by; BEHIND otherwise (less than
 *   half, or moving away from the milestone).
 */
export function assessProgress(
  value: number | null,
  target: { milestones: readonly Milestone[]; direction: Direction; baseline: Baseline | null },
  year: number,
): Assessment {
  return assessAgainst(value, markOf(target, year), target.direction);
}

/** What every figure of a target is held against in a year: the milestone, the baseline and the trajectory's value. */
export interface YearMark {
  year: number;
  milestone: Milestone | undefined;
  baseline: Baseline | null;
  expected: number | null;
}

/** The year's mark of a target, worked out once for the many figures (communes, groups by sex) of one progress. */
export function markOf(
  target: { milestones: readonly Milestone[]; baseline: Baseline | null },
  year: number,
): YearMark {
  const milestone = milestoneFor(target.milestones, year);
  const baseline = target.baseline;
  const expected = baseline && milestone ? expectedOn(baseline, target.milestones, year) : null;
  return { year, milestone, baseline, expected };
}

/** `assessProgress` against a mark worked out before. */
export function assessAgainst(value: number | null, mark: YearMark, direction: Direction): Assessment {
  const { milestone, baseline, expected } = mark;
  if (value === null || !milestone)
    return { milestone, status: 'NO_DATA', gap: null, met: null, shortfall: null, baseline, expected };
  const gap = value - milestone.value;
  const met = meets(value, milestone, direction);
  const status = met ? 'REACHED' : paceStatus(value, milestone, mark, direction);
  return { milestone, status, gap, met, shortfall: met ? 0 : Math.abs(gap), baseline, expected };
}

/** The status of a value that does not meet its milestone: BEHIND once it is due, else against the trajectory. */
function paceStatus(
  value: number,
  milestone: Milestone,
  { year, baseline, expected }: YearMark,
  direction: Direction,
): ProgressStatus {
  if (milestone.year <= year) return 'BEHIND';
  if (!baseline || expected === null) return 'AT_RISK';
  const toward = sense(direction);
  const made = toward * (value - baseline.value);
  const due = toward * (expected - baseline.value);
  if (made >= due - noise(expected)) return 'ON_TRACK';
  return made >= due / 2 && made > 0 ? 'AT_RISK' : 'BEHIND';
}

/**
 * The gap as people read it, agreeing with whether the milestone is met: "Vượt 3 điểm phần trăm" beyond
 * it in the indicator's direction, "Đạt đúng mức" at it, "Đạt trong mức cho phép (chênh …)" within the
 * tolerance; when not met "Còn thiếu 24,69 điểm phần trăm", "Chênh lệch … so với mức yêu cầu" for an
 * exact level (EQ), "Chưa vượt qua mức yêu cầu" at the bound of a strict one.
 */
export function gapLabel(
  assessment: Pick<Assessment, 'gap' | 'met' | 'milestone'>,
  direction: Direction,
  unit: 'PERCENT' | 'COUNT',
): string | null {
  const { gap, met, milestone } = assessment;
  if (gap === null || met === null || !milestone) return null;
  const amount = `${vietnameseNumber(Math.abs(gap))}${unit === 'PERCENT' ? ' điểm phần trăm' : ''}`;
  const atBound = Math.abs(gap) <= noise(milestone.value);
  const better = sense(direction) * gap > 0;
  if (met) {
    if (atBound) return 'Đạt đúng mức';
    return better ? `Vượt ${amount}` : `Đạt trong mức cho phép (chênh ${amount})`;
  }
  if (milestone.comparator === 'EQ') return `Chênh lệch ${amount} so với mức yêu cầu`;
  if (atBound) return 'Chưa vượt qua mức yêu cầu';
  return `Còn thiếu ${amount}`;
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
