/** One expected report and what became of it, as the board sees it. */
export interface ExpectedReportState {
  reporter: string;
  /** Sector functions the reporter performs on the due date. */
  functions: string[];
  unit: string | null;
  /** When the first version was submitted, if ever. */
  firstSubmittedAt: Date | null;
}

export interface BoardCounts {
  expected: number;
  submitted: number;
  onTime: number;
  overdue: number;
  /** submitted / expected, 0-1; null when nothing is expected. */
  completenessRate: number | null;
  /** submitted on time / expected, 0-1; null when nothing is expected. */
  timelinessRate: number | null;
}

/**
 * Completeness (who has submitted) and timeliness (who submitted by the deadline). A report is on
 * time when its first version was submitted by the end of the due day in Vietnam (UTC+7); it is
 * overdue when nothing was submitted and that moment has passed.
 */
export function boardCounts(reports: readonly ExpectedReportState[], dueOn: Date, now: Date): BoardCounts {
  const deadline = endOfDayInVietnam(dueOn);
  const submitted = reports.filter((r) => r.firstSubmittedAt !== null);
  const onTime = reports.filter((r) => r.firstSubmittedAt !== null && r.firstSubmittedAt <= deadline).length;
  const overdue = now > deadline ? reports.length - submitted.length : 0;
  const rate = (n: number) => (reports.length ? n / reports.length : null);
  return {
    expected: reports.length,
    submitted: submitted.length,
    onTime,
    overdue,
    completenessRate: rate(submitted.length),
    timelinessRate: rate(onTime),
  };
}

/** One report's timeliness: on time when first submitted by the deadline (null until then), overdue when not submitted after it. */
export function reportTimeliness(
  firstSubmittedAt: Date | null,
  dueOn: Date,
  now: Date,
): { onTime: boolean | null; overdue: boolean } {
  const deadline = endOfDayInVietnam(dueOn);
  return {
    onTime: firstSubmittedAt ? firstSubmittedAt <= deadline : null,
    overdue: !firstSubmittedAt && now > deadline,
  };
}

/** The last instant of a calendar day in Vietnam, as a UTC timestamp. */
export function endOfDayInVietnam(day: Date): Date {
  return new Date(day.getTime() + 24 * 3600_000 - 7 * 3600_000 - 1);
}

/** Counts per group, a report counting in each group it belongs to (an agency may serve several sectors). */
export function boardBy(
  reports: readonly ExpectedReportState[],
  groupsOf: (r: ExpectedReportState) => string[],
  dueOn: Date,
  now: Date,
) {
  const groups = new Map<string, ExpectedReportState[]>();
  for (const report of reports) for (const g of groupsOf(report)) groups.set(g, [...(groups.get(g) ?? []), report]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, members]) => ({ group, ...boardCounts(members, dueOn, now) }));
}
