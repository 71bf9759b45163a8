import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';

import { createLogger } from './logger.js';
import { createRateLimit, RateLimitedError } from './rate-limit.js';

// The machine's Redis (CI starts it when it is not running), as every replica of a gateway would share it.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const logger = createLogger('test', 'silent');

describe('the rate limit shared in Redis', () => {
  const replicas = [
    createRateLimit({ perMinute: 3, redisUrl: REDIS_URL, logger })!,
    createRateLimit({ perMinute: 3, redisUrl: REDIS_URL, logger })!,
  ];
  afterAll(() => Promise.all(replicas.map((r) => r.close())));

  it("counts a caller's requests across gateway replicas", async () => {
    const [first, second] = replicas as [NonNullable<(typeof replicas)[0]>, NonNullable<(typeof replicas)[0]>];
    const caller = `caller-${randomUUID()}`;
    await first(caller);
    await second(caller);
    await first(caller);
    await expect(second(caller)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(first(`other-${randomUUID()}`)).resolves.toBeUndefined();
  });

  it('counts in the process while the store is unreachable, rather than failing or letting everything through', async () => {
    const unreachable = createRateLimit({ perMinute: 2, redisUrl: 'redis://127.0.0.1:1', logger })!;
    try {
      await unreachable('caller');
      await unreachable('caller');
      await expect(unreachable('caller')).rejects.toBeInstanceOf(RateLimitedError);
    } finally {
      await unreachable.close();
    }
  });
});
