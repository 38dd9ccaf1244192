import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

export type Topic = 'inbound' | 'outbox';

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
    publish: (topic) => { emitter.emit(topic); },
    subscribe: (topic, listener) => { emitter.on(topic, listener); },
    close: async () => { emitter.removeAllListeners(); },
  };
}

/** Redis pub/sub: a webhook taken by one instance wakes the processors of all of them. */
export function createRedisNotifier(publisher: Redis, subscriber: Redis): Notifier {
  const local = createLocalNotifier();
  const channel = (t: Topic) => `fluxo:wake:${t}`;
  void subscriber.subscribe(channel('inbound'), channel('outbox'));
  subscriber.on('message', (ch: string) => {
    if (ch === channel('inbound')) local.publish('inbound');
    if (ch === channel('outbox')) local.publish('outbox');
  });
  return {
    publish(topic) {
      local.publish(topic);
      void publisher.publish(channel(topic), '1').catch(() => undefined);
    },
    subscribe: local.subscribe,
    async close() {
      await local.close();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
