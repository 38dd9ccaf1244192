import { defaultOptOut, type OptOutSettings } from '../../shared/api/settings.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { loadSettings } from '../settings/load-settings.ts';

/**
 * The opt-out words for the processor, re-read from the settings at most every `ttlMs` (like the
 * time zone): a change applies on every instance within seconds, at one small query per interval.
 */
export function createOptOutSource(db: Db, logger: Logger, now: () => number, ttlMs = 5_000) {
  let words = defaultOptOut;
  let readAt: number | null = null;
  let reading: Promise<OptOutSettings> | null = null;
  const read = async () => {
    try {
      words = (await loadSettings(db)).optOut;
    } catch (err) {
      logger.warn('could not read the opt-out words; keeping the last ones', { err });
    }
    readAt = now();
    return words;
  };
  return {
    current: () => words,
    fresh(): Promise<OptOutSettings> {
      if (readAt !== null && now() - readAt < ttlMs) return Promise.resolve(words);
      reading ??= read().finally(() => {
        reading = null;
      });
      return reading;
    },
  };
}
