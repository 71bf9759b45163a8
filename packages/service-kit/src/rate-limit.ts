import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { ErrorCode } from './errors.js';
import type { Logger } from './logger.js';
import { connectRedis } from './redis.js';

/** A caller over its rate: answered with HTTP 429, `Retry-After` and a JSON GraphQL error (see http.ts). */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  readonly code = ErrorCode.RateLimited;
  readonly reason = 'RATE_LIMITED';
  constructor(
    /** Whole seconds until the caller may send again (at least 1). */
    readonly retryAfterSeconds: number,
    /** Requests a caller may send per minute. */
    readonly limit: number,
  ) {
    super(
      `Quá nhiều yêu cầu: mỗi người dùng được gửi tối đa ${limit} yêu cầu mỗi phút. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
    );
  }
}

export interface RateLimitOptions {
  /** Requests each caller may send per minute; 0 turns the limit off. */
  perMinute: number;
  /** Redis shared by every gateway instance, so a caller's count is one across replicas; else this process's memory. */
  redisUrl?: string | undefined;
  logger: Logger;
}

/** Counts one request of a caller; throws RateLimitedError when the caller is over the limit. */
export type RateLimit = ((key: string) => Promise<void>) & { close(): Promise<void> };

/**
 * A per-caller limit of requests per minute (a fixed one-minute window per caller), in Redis when
 * `redisUrl` is set (each process's memory standing in while Redis is unreachable), else in this
 * process's memory. `undefined` when turned off. Any other failure lets the request through (logged):
 * the limit protects the services, it must not take them down.
 */
export function createRateLimit(options: RateLimitOptions): RateLimit | undefined {
  if (options.perMinute === 0) return undefined;
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract;
  const settings = { keyPrefix: 'ecd:graphql', points: options.perMinute, duration: 60 };
  if (options.redisUrl) {
    // While Redis is unreachable this process counts alone.
    redis = connectRedis(options.redisUrl, options.logger, 'rate-limit store');
    limiter = new RateLimiterRedis({
      ...settings,
      storeClient: redis,
      insuranceLimiter: new RateLimiterMemory(settings),
    });
  } else {
    limiter = new RateLimiterMemory(settings);
  }
  const consume = async (key: string) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes)
        throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), options.perMinute);
      options.logger.warn({ err: error }, 'rate limiter failed; request let through');
    }
  };
  return Object.assign(consume, {
    close: async () => {
      await redis?.quit().catch(() => redis?.disconnect());
    },
  });
}
