import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

import {
  canStartVersion,
  isFrozen,
  nextStatus,
  REPORT_TEXT_MAX_LENGTH,
  reportTextProblems,
  storedReportTexts,
  type SubmissionAction,
  type SubmissionStatus,
} from './submission-lifecycle.js';

describe('submission lifecycle', () => {
  it.each([
    ['DRAFT', 'SUBMIT', 'SUBMITTED'],
    ['SUBMITTED', 'ACCEPT', 'ACCEPTED'],
    ['SUBMITTED', 'RETURN', 'RETURNED'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  const illegal: [SubmissionStatus, SubmissionAction][] = [
    ['DRAFT', 'ACCEPT'],
    ['DRAFT', 'RETURN'],
    ['SUBMITTED', 'SUBMIT'],
    ['ACCEPTED', 'RETURN'],
    ['ACCEPTED', 'SUBMIT'],
    ['RETURNED', 'ACCEPT'],
    ['RETURNED', 'SUBMIT'],
  ];
  it.each(illegal)('refuses %s --%s--> with a typed CONFLICT', (from, action) => {
    try {
      nextStatus(from, action);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ILLEGAL_STATUS_TRANSITION',
        from,
        action,
      });
    }
  });

  it('freezes everything but a draft', () => {
    expect(['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED'].map((s) => isFrozen(s as SubmissionStatus))).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it('starts a new version only after the latest is settled or returned', () => {
    expect(
      [undefined, 'DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED'].map((s) =>
        canStartVersion(s as SubmissionStatus | undefined),
      ),
    ).toEqual([true, false, false, true, true]);
  });
});

describe('the texts an agency writes in its report', () => {
  it('accepts none, blank or texts up to the limit', () => {
    expect(reportTextProblems({})).toEqual([]);
    expect(
      reportTextProblems({ note: '  ', difficulties: null, proposals: 'x'.repeat(REPORT_TEXT_MAX_LENGTH) }),
    ).toEqual([]);
  });

  it('refuses each text over the limit on its own argument', () => {
    const long = 'x'.repeat(REPORT_TEXT_MAX_LENGTH + 1);
    expect(reportTextProblems({ note: 'ok', difficulties: long, proposals: long })).toEqual([
      expect.objectContaining({ field: 'difficulties', reason: 'TOO_LONG' }),
      expect.objectContaining({ field: 'proposals', reason: 'TOO_LONG' }),
    ]);
  });

  it('stores texts trimmed, blank ones as null, and leaves out those not given', () => {
    expect(storedReportTexts({ note: '  Đã triển khai.  ', difficulties: '   ' })).toEqual({
      note: 'Đã triển khai.',
      difficulties: null,
    });
  });
});
