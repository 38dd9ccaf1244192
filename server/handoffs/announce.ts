import type { EventBus } from '../events/event-bus.ts';
import type { Assignment } from './routing.ts';

/** Tells the studios (every instance) who got which conversation; call after the commit. */
export function announceAssignments(events: EventBus | undefined, assignments: Assignment[]): void {
  for (const a of assignments) {
    events?.publish({
      type: 'handoff.assigned',
      conversationId: a.contactId,
      handoffId: a.handoffId,
      userId: a.userId,
    });
  }
}
