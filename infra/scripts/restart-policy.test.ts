import { describe, expect, it } from 'vitest';

import { RESTART_POLICY, restartDelay } from './restart-policy.js';

describe('restartDelay', () => {
  it('waits 1 s after the first death, however long the service ran', () => {
    expect(restartDelay(undefined, 0)).toBe(1_000);
    expect(restartDelay(undefined, 3_600_000)).toBe(1_000);
  });

  it('doubles the wait while the service keeps dying soon after each restart, up to 30 s', () => {
    const waits: number[] = [];
    let wait: number | undefined;
    for (let death = 0; death < 8; death++) {
      wait = restartDelay(wait, 2_000);
      waits.push(wait);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts again from 1 s once a restarted service ran a minute', () => {
    expect(restartDelay(30_000, 59_999)).toBe(30_000);
    expect(restartDelay(30_000, 60_000)).toBe(1_000);
    expect(restartDelay(16_000, 120_000)).toBe(1_000);
  });

  it('follows the policy it is given', () => {
    const policy = { firstDelayMs: 100, maxDelayMs: 250, stableAfterMs: 1_000 };
    expect(restartDelay(undefined, 0, policy)).toBe(100);
    expect(restartDelay(100, 10, policy)).toBe(200);
    expect(restartDelay(200, 10, policy)).toBe(250);
    expect(restartDelay(250, 1_000, policy)).toBe(100);
    expect(RESTART_POLICY).toEqual({ firstDelayMs: 1_000, maxDelayMs: 30_000, stableAfterMs: 60_000 });
  });
});
