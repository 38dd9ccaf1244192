import type { Clock } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Logger } from '../logger.ts';
import { createWorkerLoop } from '../queue/worker-loop.ts';
import { markIdleAway, markSlaBreaches } from './sla.ts';

/** How often SLAs and idle agents are checked: the inbox's timer turns red on its own, this sends the alert. */
export const handoffWatchMs = 5_000;

/**
 * Alerts missed first-reply SLAs (an event the studio shows and sounds) and turns silent agents
 * away. Each mark is written once by a conditional update, so several instances sweeping at once
 * alert once.
 */
export function createHandoffWatch(db: Db, clock: Clock, events: EventBus, logger: Logger) {
  return createWorkerLoop(
    'handoff watch',
    async () => {
      const now = clock.now();
      for (const h of await markSlaBreaches(db, now))
        events.publish({ type: 'handoff.sla_missed', conversationId: h.contact_id, handoffId: h.id });
      await markIdleAway(db, now);
      return false;
    },
    { idleMs: handoffWatchMs, logger },
  );
}
