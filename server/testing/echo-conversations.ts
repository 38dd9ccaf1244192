import type { FakeGraphRequest } from './fake-graph-api.ts';
import { messageWebhook, metaJson, type ChannelAddress } from './webhook-payloads.ts';

/** One inbound text of a simulated contact, ready to post. */
export interface SimulatedMessage {
  contact: string;
  index: number;
  text: string;
  body: string;
  at: Date;
}

/**
 * `perContact` texts from each of `contacts` people, one second apart per contact (WhatsApp
 * timestamps have 1 s resolution). Texts are unique, so each echo names the message it answers.
 */
export function simulatedMessages(o: {
  channel: ChannelAddress;
  contacts: number;
  perContact: number;
  prefix: string;
  start: Date;
  firstWaId?: number;
}): SimulatedMessage[] {
  const list: SimulatedMessage[] = [];
  for (let i = 0; i < o.perContact; i++) {
    for (let c = 0; c < o.contacts; c++) {
      const contact = String((o.firstWaId ?? 5584990000000) + c);
      const text = `${o.prefix}-${c}-${i}`;
      const at = new Date(o.start.getTime() + i * 1000);
      const body = metaJson(
        messageWebhook({
          ...o.channel,
          wamid: `wamid.${o.prefix}.${c}.${i}`,
          from: contact,
          name: `Contato ${c}`,
          timestamp: at,
          text,
        }),
      );
      list.push({ contact, index: i, text, body, at });
    }
  }
  return list;
}

export interface ReplyTally {
  /** Per contact, the reply texts in the order the fake Graph API accepted them. */
  byContact: Map<string, string[]>;
  /** Texts that got no echo, beyond each contact's one greeted message. */
  missing: string[];
  /** Replies sent more than once (same text to the same contact). */
  duplicated: string[];
}

/**
 * With the echo flow, a contact's first handled message gets the greeting and every other
 * one `Recebi: <text>`: one reply per message. Counts what the fake received against that.
 */
export function tallyReplies(sent: FakeGraphRequest[], messages: SimulatedMessage[]): ReplyTally {
  const byContact = new Map<string, string[]>();
  for (const s of sent) {
    const body = s.body as { to?: string; text?: { body?: string } };
    const to = (body.to ?? '').replace(/^\+/, '');
    const list = byContact.get(to) ?? [];
    list.push(body.text?.body ?? '?');
    byContact.set(to, list);
  }
  const missing: string[] = [];
  const duplicated: string[] = [];
  const texts = new Map<string, string[]>();
  for (const m of messages) texts.set(m.contact, [...(texts.get(m.contact) ?? []), m.text]);
  for (const [contact, own] of texts) {
    const replies = byContact.get(contact) ?? [];
    const counts = new Map<string, number>();
    for (const r of replies) counts.set(r, (counts.get(r) ?? 0) + 1);
    for (const [reply, n] of counts) if (n > 1) duplicated.push(`${contact}: ${reply} ×${n}`);
    const greetings = replies.filter((r) => r.startsWith('Olá')).length;
    const unechoed = own.filter((t) => !counts.has(`Recebi: ${t}`));
    // Exactly one message per contact is answered by the greeting instead of an echo.
    if (greetings === 0) missing.push(`${contact}: greeting`);
    missing.push(...unechoed.slice(1).map((t) => `${contact}: ${t}`));
  }
  return { byContact, missing, duplicated };
}
