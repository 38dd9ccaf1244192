import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
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
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = () => {
    timer = setTimeout(() => {
      running = sendDueReminders(o.db, o.now(), o.timeZone())
        .then((r) => {
          if (r.sent > 0) o.wakeSender();
        })
        .catch((err: unknown) => o.logger.error('booking reminders failed; will try again', { err }))
        .finally(() => {
          if (timer) schedule();
        });
    }, o.everyMs ?? 60_000);
    timer.unref();
  };
  return {
    start() {
      if (!timer) schedule();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
