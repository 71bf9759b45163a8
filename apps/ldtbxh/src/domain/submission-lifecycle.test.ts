import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

import {
  canStartVersion,
  isFrozen,
  nextStatus,
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
