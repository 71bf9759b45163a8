/** A value for one unit: a count (denominator null) or a ratio's numerator and denominator. */
export interface UnitValue {
  unit: string;
  numerator: number;
  denominator: number | null;
}

export interface SuccessionLink {
  predecessor: string;
  successor: string;
}

export interface ReaggregatedValue extends UnitValue {
  /** Old units whose whole value went here. */
  from: string[];
  /** Set when an old unit split across several new ones was attributed here whole (the source gives no shares). */
  approximate: boolean;
}

/**
 * Re-expresses values reported for old units in the units that succeeded them, by summing
 * numerators and denominators (never averaging percentages). An old unit split across several new
 * units has no known shares: its whole value goes to one successor — the one that kept its code if
 * any, else the lowest code — and that result is marked approximate. Units without a successor
 * link are kept as they are.
 */
export function reaggregate(values: readonly UnitValue[], links: readonly SuccessionLink[]): ReaggregatedValue[] {
  const successorsOf = new Map<string, string[]>();
  for (const link of links)
    successorsOf.set(link.predecessor, [...(successorsOf.get(link.predecessor) ?? []), link.successor]);
  const result = new Map<string, ReaggregatedValue>();
  for (const value of values) {
    const successors = [...new Set(successorsOf.get(value.unit) ?? [value.unit])].sort();
    const target = successors.includes(value.unit) ? value.unit : (successors[0] ?? value.unit);
    const into = result.get(target) ?? { unit: target, numerator: 0, denominator: null, from: [], approximate: false };
    into.numerator += value.numerator;
    if (value.denominator !== null) into.denominator = (into.denominator ?? 0) + value.denominator;
    into.from.push(value.unit);
    into.approximate ||= successors.length > 1;
    result.set(target, into);
  }
  return [...result.values()].sort((a, b) => a.unit.localeCompare(b.unit));
}
