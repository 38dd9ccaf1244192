import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

export type Topic = 'inbound' | 'outbox' | 'media';
const topics: readonly Topic[] = ['inbound', 'outbox', 'media'];

/** Wake-ups between processes. Work itself always lives in Postgres; a lost wake-up only costs a poll interval. */
export interface Notifier {
  publish(topic: Topic): void;
  subscribe(topic: Topic, listener: () => void): void;
  close(): Promise<void>;
}

export function createLocalNotifier(): Notifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    publish: (topic) => {
      emitter.emit(topic);
    },
    subscribe: (topic, listener) => {
      emitter.on(topic, listener);
    },
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

/** Redis pub/sub: a webhook taken by one instance wakes the processors of all of them. */
export function createRedisNotifier(publisher: Redis, subscriber: Redis): Notifier {
  const local = createLocalNotifier();
  const channel = (t: Topic) => `fluxo:wake:${t}`;
  void subscriber.subscribe(...topics.map(channel));
  // Our own publishes come back too; this instance already woke for them.
  const self = randomUUID();
  subscriber.on('message', (ch: string, from: string) => {
    if (from === self) return;
    const topic = topics.find((t) => channel(t) === ch);
    if (topic) local.publish(topic);
  });
  // Under load every webhook and every commit wakes: one Redis message per topic per turn of
  // the event loop says the same, for one socket write instead of dozens.
  const queued = new Set<Topic>();
  return {
    publish(topic) {
      local.publish(topic);
      if (queued.has(topic)) return;
      queued.add(topic);
      setImmediate(() => {
        queued.delete(topic);
        void publisher.publish(channel(topic), self).catch(() => undefined);
      });
    },
    subscribe: local.subscribe,
    async close() {
      await local.close();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
