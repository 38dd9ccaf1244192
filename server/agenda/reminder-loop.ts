import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { createPeriodicLoop } from '../queue/periodic-loop.ts';
import { sendDueReminders } from './reminders.ts';

/**
 * Looks for due booking reminders every minute; `sendDueReminders` takes each row once across
 * instances, and `wakeSender` sends what it queued without waiting for the sender's poll.
 */
export function createReminderLoop(o: {
  db: Db;
  now(): Date;
  timeZone(): string;
  logger: Logger;
  wakeSender(): void;
  everyMs?: number;
}) {
  return createPeriodicLoop({
    name: 'booking reminders',
    everyMs: o.everyMs ?? 60_000,
    logger: o.logger,
    async run() {
      const r = await sendDueReminders(o.db, o.now(), o.timeZone());
      if (r.sent > 0) o.wakeSender();
    },
  });
}
