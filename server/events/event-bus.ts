import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { studioEvent, type StudioEvent } from '../../shared/api/events.ts';

export type EventListener = (event: StudioEvent) => void;

/**
 * Tells the studio what changed (`GET /api/events`). Events are hints for a refetch, never the
 * data: one lost while Redis is away costs a page a stale view until its next event.
 */
export interface EventBus {
  /** Call after the change committed, or a page could refetch before it is visible. */
  publish(event: StudioEvent): void;
  /** `onClose` runs when the bus closes (shutdown), so open streams end instead of holding it up. */
  subscribe(listener: EventListener, onClose?: () => void): () => void;
  close(): Promise<void>;
}

export function createLocalEventBus(): EventBus {
  const subscribers = new Map<EventListener, (() => void) | undefined>();
  let closed = false;
  return {
    publish(event) {
      if (closed) return;
      for (const listener of subscribers.keys()) listener(event);
    },
    subscribe(listener, onClose) {
      if (closed) {
        onClose?.();
        return () => undefined;
      }
      subscribers.set(listener, onClose);
      return () => {
        subscribers.delete(listener);
      };
    },
    async close() {
      closed = true;
      const closing = [...subscribers.values()];
      subscribers.clear();
      for (const onClose of closing) onClose?.();
    },
  };
}

const channel = 'fluxo:events';

/**
 * Across instances through Redis pub/sub: an event published where the webhook arrived reaches
 * studio streams held by every instance. `subscriber` is a connection of its own (a subscribed
 * ioredis connection takes no other commands). Events of one turn of the event loop travel in
 * one message, since a batch of webhooks produces dozens at once.
 */
export function createRedisEventBus(publisher: Redis, subscriber: Redis): EventBus {
  const local = createLocalEventBus();
  const self = randomUUID();
  void subscriber.subscribe(channel).catch(() => undefined);
  subscriber.on('message', (ch: string, text: string) => {
    if (ch !== channel) return;
    const parsed = parseMessage(text);
    // Our own events were delivered here when published.
    if (!parsed || parsed.from === self) return;
    for (const event of parsed.events) local.publish(event);
  });
  let queued: StudioEvent[] = [];
  let closed = false;
  return {
    publish(event) {
      if (closed) return;
      local.publish(event);
      queued.push(event);
      if (queued.length > 1) return;
      setImmediate(() => {
        const events = queued;
        queued = [];
        void publisher.publish(channel, JSON.stringify({ from: self, events })).catch(() => undefined);
      });
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      await local.close();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

/** Another instance's message; anything unreadable (another version, a stray publish) is dropped. */
function parseMessage(text: string): { from: string; events: StudioEvent[] } | null {
  try {
    const value = JSON.parse(text) as { from?: unknown; events?: unknown };
    if (typeof value.from !== 'string' || !Array.isArray(value.events)) return null;
    const events = value.events
      .map((e) => studioEvent.safeParse(e))
      .filter((r) => r.success)
      .map((r) => r.data);
    return { from: value.from, events };
  } catch {
    return null;
  }
}
