import type { FlowDocument } from '../../shared/flow/schema.ts';
import { textOf } from '../../shared/messages/outbound.ts';
import type { Effect } from '../effects.ts';
import type { InboundContent, SessionEvent } from '../events.ts';
import type { OutboundMessage } from '../messages.ts';
import type { SessionState } from '../session.ts';
import { step } from '../step.ts';
import { testPorts, type TestPortsOptions } from './ports.ts';

/** Drives `step` directly for unit tests that look at effects, not only at messages. */
export function driver(flow: FlowDocument, options: TestPortsOptions = {}) {
  const t = testPorts(options);
  let session: SessionState | null = null;
  const contact = { name: 'Ana Souza', phone: '5584991230001' };
  const d = {
    ...t,
    get session(): SessionState | null {
      return session;
    },
    async event(event: SessionEvent): Promise<Effect[]> {
      const r = await step({ flow, flowVersionId: 'v1', session, event, contact, ports: t.ports });
      session = r.session;
      return r.effects;
    },
    send: (text: string) => d.event({ type: 'message', content: { kind: 'text', text } }),
    content: (content: InboundContent) => d.event({ type: 'message', content }),
  };
  return d;
}

export const sent = (effects: Effect[]): OutboundMessage[] =>
  effects.flatMap((e) => (e.type === 'send' ? [e.message] : []));

export const texts = (effects: Effect[]): string[] => sent(effects).map((m) => textOf(m) ?? '');

export function effectOf<T extends Effect['type']>(
  effects: Effect[],
  type: T,
): Extract<Effect, { type: T }> | undefined {
  return effects.find((e): e is Extract<Effect, { type: T }> => e.type === type);
}
