import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.ts';

/**
 * A Redis connection that logs losing and regaining Redis once each, not on every failed
 * reconnection (ioredis retries forever; without a listener it prints every error).
 * Everything Redis carries is optional to correctness: work lives in Postgres.
 */
export function connectRedis(url: string, logger: Logger, name: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, options);
  let lost = false;
  redis.on('error', (err: unknown) => {
    if (lost) return;
    lost = true;
    logger.warn('redis unreachable; going on without it', { connection: name, err });
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    logger.info('redis reachable again', { connection: name });
  });
  return redis;
}
