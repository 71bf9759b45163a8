import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';

import { connectRedis, createLogger } from '@ecd/service-kit';

import { createKeyClaims, redisKeyClaims } from './key-claims.js';

// The machine's Redis (CI starts it when it is not running), as every replica of a gateway would share it.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const logger = createLogger('test', 'silent');

describe('the binding of Idempotency-Keys shared in Redis', () => {
  const replicas = [
    createKeyClaims({ ttlHours: 1, redisUrl: REDIS_URL, logger }),
    createKeyClaims({ ttlHours: 1, redisUrl: REDIS_URL, logger }),
  ] as const;
  afterAll(() => Promise.all(replicas.map((r) => r.close())));

  it("sees one replica's bindings from the other, and their release", async () => {
    const [one, two] = replicas;
    const key = randomUUID();
    expect(await one.claim('admin', key, 'h1')).toBe('claimed');
    expect(await two.claim('admin', key, 'h1')).toBe('same');
    expect(await two.claim('admin', key, 'h2')).toBe('reused');
    expect(await two.claim('officer', key, 'h2')).toBe('claimed');
    // Only the binding's own request releases it.
    await two.release('admin', key, 'h2');
    expect(await one.claim('admin', key, 'h2')).toBe('reused');
    await two.release('admin', key, 'h1');
    expect(await one.claim('admin', key, 'h2')).toBe('claimed');
  });

  it('binds a key once when replicas claim it at the same moment', async () => {
    const key = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => replicas[i % 2]!.claim('admin', key, `h${i % 2}`)),
    );
    expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
  });

  it('keeps a binding for the time keys are kept', async () => {
    const redis = connectRedis(REDIS_URL, logger, 'test');
    try {
      const key = randomUUID();
      await redisKeyClaims(redis, 7200).claim('admin', key, 'h1');
      const ttl = await redis.ttl(`ecd:idempotency:${key}:admin`);
      expect(ttl).toBeGreaterThan(7100);
      expect(ttl).toBeLessThanOrEqual(7200);
    } finally {
      redis.disconnect();
    }
  });

  it('fails a claim, rather than binding nothing, while Redis is unreachable', async () => {
    const unreachable = createKeyClaims({ ttlHours: 1, redisUrl: 'redis://127.0.0.1:1', logger });
    try {
      await expect(unreachable.claim('admin', randomUUID(), 'h1')).rejects.toThrow();
    } finally {
      await unreachable.close();
    }
  });
});
