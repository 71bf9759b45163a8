import { describe, expect, it } from 'vitest';

import {
  protectionCaseTransition,
  referralTransition,
  type ProtectionCaseStatus,
  type ReferralAction,
  type ReferralStatus,
} from './referral-lifecycle.js';

const STATUSES: ReferralStatus[] = ['SENT', 'ACCEPTED', 'DECLINED', 'DELIVERED', 'NOT_DELIVERED'];
const ALLOWED: Record<string, ReferralStatus> = {
  'SENT|ACCEPT': 'ACCEPTED',
  'SENT|DECLINE': 'DECLINED',
  'ACCEPTED|DELIVER': 'DELIVERED',
  'ACCEPTED|NOT_DELIVER': 'NOT_DELIVERED',
};

describe('referralTransition', () => {
  const cases = STATUSES.flatMap((status) =>
    (['ACCEPT', 'DECLINE', 'DELIVER', 'NOT_DELIVER'] as ReferralAction[]).map((action) => [status, action] as const),
  );
  it.each(cases)('from %s, %s', (status, action) => {
    const expected = ALLOWED[`${status}|${action}`];
    const result = referralTransition(status, action);
    if (expected) expect(result).toEqual({ ok: true, from: status, to: expected });
    else {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/^Không thể/);
    }
  });

  it('allows exactly four transitions, and none out of a final state', () => {
    expect(cases.filter(([s, a]) => referralTransition(s, a).ok)).toHaveLength(4);
    for (const final of ['DECLINED', 'DELIVERED', 'NOT_DELIVERED'] as const) {
      expect(
        (['ACCEPT', 'DECLINE', 'DELIVER', 'NOT_DELIVER'] as const).some((a) => referralTransition(final, a).ok),
      ).toBe(false);
    }
  });
});

describe('protectionCaseTransition', () => {
  const all: ProtectionCaseStatus[] = ['OPEN', 'SUPPORTED', 'CLOSED'];
  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = (from === 'OPEN' && to === 'SUPPORTED') || (from === 'SUPPORTED' && to === 'CLOSED');
    expect(protectionCaseTransition(from, to).ok).toBe(allowed);
  });
});
