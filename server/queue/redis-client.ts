import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.ts';
import { countRedisCommand, ioCounting } from '../metrics/io-count.ts';

/**
 * A Redis connection that logs losing and regaining Redis once each, not on every failed
 * reconnection (ioredis retries forever; without a listener it prints every error).
 * Everything Redis carries is optional to correctness: work lives in Postgres.
 */
export function connectRedis(url: string, logger: Logger, name: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, options);
  if (ioCounting()) {
    // The bench's command counts (FLUXO_COUNT_IO): every command passes through here.
    const send = redis.sendCommand.bind(redis);
    redis.sendCommand = ((command: { name: string }, stream?: unknown) => {
      countRedisCommand(command.name);
      return send(command as never, stream as never);
    }) as typeof redis.sendCommand;
  }
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
