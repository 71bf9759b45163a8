import type { Redis } from 'ioredis';

import { connectRedis, type Logger } from '@ecd/service-kit';

/**
 * The gateway's binding of each person's Idempotency-Key to one whole request (the hash of the client's
 * query, operation name and variables, `requestHash` of the service kit). The subgraphs each see only
 * their part of a request, so only the gateway can refuse the same key with another request before any
 * part of it is sent (idempotency.ts).
 */
export type KeyClaim =
  /** The key was free: it is now bound to this request. */
  | 'claimed'
  /** The key is bound to this same request (a retry, or a duplicate still running): go on. */
  | 'same'
  /** The key is bound to another request. */
  | 'reused';

export interface KeyClaims {
  /** Binds (user, key) to `hash` unless it is bound already; atomic across the replicas sharing the store. */
  claim(userId: string, key: string, hash: string): Promise<KeyClaim>;
  /** Frees (user, key) if it is still bound to `hash`: a request that wrote nothing leaves its key free. */
  release(userId: string, key: string, hash: string): Promise<void>;
  close(): Promise<void>;
}

/** Keys held in memory at most: past it the oldest binding goes first (the subgraphs still guard their parts). */
export const MEMORY_CLAIMS_MAX = 100_000;

/**
 * The bindings in this process's memory (one gateway, or each replica alone): they expire after `ttlMs`,
 * the subgraphs' IDEMPOTENCY_KEY_TTL_HOURS, and at most `max` are kept. All bindings live as long, so the
 * Map's insertion order is their expiry order: the first ones are the expired and the oldest.
 */
export function memoryKeyClaims(options: { ttlMs: number; max?: number; now?: () => number }): KeyClaims {
  const { ttlMs, max = MEMORY_CLAIMS_MAX, now = Date.now } = options;
  const held = new Map<string, { hash: string; expiresAt: number }>();
  const prune = (at: number) => {
    for (const [id, binding] of held) {
      if (binding.expiresAt > at && held.size <= max) break;
      held.delete(id);
    }
  };
  return {
    claim(userId, key, hash) {
      const at = now();
      const id = JSON.stringify([userId, key]);
      const binding = held.get(id);
      if (binding && binding.expiresAt > at) return Promise.resolve(binding.hash === hash ? 'same' : 'reused');
      held.delete(id);
      held.set(id, { hash, expiresAt: at + ttlMs });
      prune(at);
      return Promise.resolve('claimed');
    },
    release(userId, key, hash) {
      const id = JSON.stringify([userId, key]);
      if (held.get(id)?.hash === hash) held.delete(id);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

// Deletes the binding only if it is still this request's: never another request's that bound the key since.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/**
 * The bindings in Redis, shared by the gateway replicas: `SET key hash NX EX ttl` binds atomically. A
 * command that fails (Redis unreachable) throws: the caller decides (idempotency.ts refuses the write).
 */
export function redisKeyClaims(redis: Redis, ttlSeconds: number): KeyClaims {
  // The key's alphabet has no ':' (IDEMPOTENCY_KEY_PATTERN), so key then user id cannot be read two ways.
  const redisKey = (userId: string, key: string) => `ecd:idempotency:${key}:${userId}`;
  return {
    async claim(userId, key, hash) {
      const id = redisKey(userId, key);
      // A binding released or expired between SET and GET is tried again, at most twice.
      for (let attempt = 0; attempt < 3; attempt++) {
        if ((await redis.set(id, hash, 'EX', ttlSeconds, 'NX')) === 'OK') return 'claimed';
        const bound = await redis.get(id);
        if (bound !== null) return bound === hash ? 'same' : 'reused';
      }
      throw new Error('idempotency key binding kept changing');
    },
    async release(userId, key, hash) {
      await redis.eval(RELEASE, 1, redisKey(userId, key), hash);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** In Redis when `redisUrl` is set (shared by the replicas), else in this process's memory. */
export function createKeyClaims(options: { ttlHours: number; redisUrl: string | undefined; logger: Logger }) {
  const ttlSeconds = options.ttlHours * 3600;
  return options.redisUrl
    ? redisKeyClaims(connectRedis(options.redisUrl, options.logger, 'idempotency key store'), ttlSeconds)
    : memoryKeyClaims({ ttlMs: ttlSeconds * 1000 });
}
