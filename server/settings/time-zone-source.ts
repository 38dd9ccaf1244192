import { defaultBusinessHours, defaultTimeZone, type BusinessHours } from '../../shared/api/settings.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { loadSettings } from './load-settings.ts';

/**
 * The installation's time zone for the engine (`{{today}}`, `{{now}}`, dates typed by contacts)
 * and its business hours (`{{dentro_do_horario}}`),
 * re-read from the settings at most every `ttlMs`: a change is used by every instance within
 * seconds, without a restart, and costs one small query per interval.
 */
export function createTimeZoneSource(db: Db, logger: Logger, now: () => number, ttlMs = 5_000) {
  let zone = defaultTimeZone;
  let hours: BusinessHours = defaultBusinessHours;
  let readAt: number | null = null;
  let reading: Promise<string> | null = null;

  const read = async () => {
    try {
      ({ timeZone: zone, businessHours: hours } = await loadSettings(db));
    } catch (err) {
      logger.warn('could not read the time zone; keeping the last one', { err });
    }
    readAt = now();
    return zone;
  };
  return {
    /** The zone as last read. */
    current: () => zone,
    /** The business hours as last read. */
    hours: () => hours,
    /** The zone, re-read first when the last read is older than the TTL. */
    fresh(): Promise<string> {
      if (readAt !== null && now() - readAt < ttlMs) return Promise.resolve(zone);
      reading ??= read().finally(() => {
        reading = null;
      });
      return reading;
    },
  };
}
