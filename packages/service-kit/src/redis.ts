import { Redis, type RedisOptions } from 'ioredis';

import type { Logger } from './logger.js';

/**
 * A Redis client for a store the gateway replicas share (`what` names it in the log). A command waits
 * for one reconnection at most, so an outage fails a command within seconds instead of queueing it;
 * each store decides what a failed command means. The outage itself is logged, never thrown.
 */
export function connectRedis(url: string, logger: Logger, what: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, ...options });
  redis.on('error', (error: unknown) => logger.warn({ err: error }, `${what} (Redis) unavailable`));
  return redis;
}
