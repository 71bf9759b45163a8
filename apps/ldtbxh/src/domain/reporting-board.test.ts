import { describe, expect, it } from 'vitest';

import { boardBy, boardCounts, endOfDayInVietnam, type ExpectedReportState } from './reporting-board.js';

const due = new Date('2024-12-05T00:00:00Z');
const report = (reporter: string, submittedAt: string | null, functions = ['HEALTH']): ExpectedReportState => ({
  reporter,
  functions,
  unit: '20',
  firstSubmittedAt: submittedAt ? new Date(submittedAt) : null,
});

describe('reporting board', () => {
  it('ends the due day at midnight in Vietnam', () => {
    expect(endOfDayInVietnam(due).toISOString()).toBe('2024-12-05T16:59:59.999Z');
  });

  it('counts submitted, on time and overdue after the deadline', () => {
    const reports = [
      report('A', '2024-12-05T16:00:00Z'),
      report('B', '2024-12-05T17:30:00Z'),
      report('C', null),
      report('D', null),
    ];
    expect(boardCounts(reports, due, new Date('2024-12-10T00:00:00Z'))).toEqual({
      expected: 4,
      submitted: 2,
      onTime: 1,
      overdue: 2,
      completenessRate: 0.5,
      timelinessRate: 0.25,
    });
  });

  it('calls nobody overdue before the deadline, and rates nothing when nothing is expected', () => {
    expect(boardCounts([report('C', null)], due, new Date('2024-12-05T10:00:00Z')).overdue).toBe(0);
    expect(boardCounts([], due, new Date()).completenessRate).toBeNull();
  });

  it('groups by sector, counting an agency in each sector it serves', () => {
    const rows = boardBy(
      [report('A', '2024-12-01T00:00:00Z', ['HEALTH', 'CHILD_PROTECTION']), report('B', null, ['EDUCATION'])],
      (r) => r.functions,
      due,
      new Date('2024-12-06T00:00:00Z'),
    );
    expect(rows.map((r) => [r.group, r.expected, r.submitted, r.overdue])).toEqual([
      ['CHILD_PROTECTION', 1, 1, 0],
      ['EDUCATION', 1, 0, 1],
      ['HEALTH', 1, 1, 0],
    ]);
  });
});
