import { describe, expect, it } from 'vitest';

import { memoryKeyClaims } from './key-claims.js';

describe("the gateway's in-memory binding of Idempotency-Keys", () => {
  const HOUR = 3_600_000;

  it('binds a key to the first request: the same one goes on, another is refused, each person apart', async () => {
    const claims = memoryKeyClaims({ ttlMs: HOUR });
    expect(await claims.claim('admin', 'key-0001', 'h1')).toBe('claimed');
    expect(await claims.claim('admin', 'key-0001', 'h1')).toBe('same');
    expect(await claims.claim('admin', 'key-0001', 'h2')).toBe('reused');
    expect(await claims.claim('officer', 'key-0001', 'h2')).toBe('claimed');
    expect(await claims.claim('admin', 'key-0002', 'h2')).toBe('claimed');
  });

  it('frees a key when released by its own request only', async () => {
    const claims = memoryKeyClaims({ ttlMs: HOUR });
    await claims.claim('admin', 'key-0001', 'h1');
    await claims.release('admin', 'key-0001', 'h2');
    expect(await claims.claim('admin', 'key-0001', 'h2')).toBe('reused');
    await claims.release('admin', 'key-0001', 'h1');
    expect(await claims.claim('admin', 'key-0001', 'h2')).toBe('claimed');
  });

  it('lets a binding expire after the time keys are kept', async () => {
    let now = 0;
    const claims = memoryKeyClaims({ ttlMs: HOUR, now: () => now });
    await claims.claim('admin', 'key-0001', 'h1');
    now = HOUR - 1;
    expect(await claims.claim('admin', 'key-0001', 'h2')).toBe('reused');
    now = HOUR;
    expect(await claims.claim('admin', 'key-0001', 'h2')).toBe('claimed');
    // The new binding lasts its own full time.
    now = 2 * HOUR - 1;
    expect(await claims.claim('admin', 'key-0001', 'h1')).toBe('reused');
  });

  it('keeps at most `max` bindings, forgetting the oldest first', async () => {
    let now = 0;
    const claims = memoryKeyClaims({ ttlMs: HOUR, max: 2, now: () => now });
    await claims.claim('admin', 'key-0001', 'h1');
    now = 1;
    await claims.claim('admin', 'key-0002', 'h1');
    now = 2;
    await claims.claim('admin', 'key-0003', 'h1');
    expect(await claims.claim('admin', 'key-0003', 'h2')).toBe('reused');
    expect(await claims.claim('admin', 'key-0002', 'h2')).toBe('reused');
    // key-0001 was forgotten (its claim again evicts key-0002, the oldest left).
    expect(await claims.claim('admin', 'key-0001', 'h2')).toBe('claimed');
    expect(await claims.claim('admin', 'key-0002', 'h2')).toBe('claimed');
  });
});
