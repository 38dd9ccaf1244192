import { describe, expect, it } from 'vitest';
import type { InboxMessage } from '../../api/client.ts';
import { dayLabelKind, dayOf, deliveryOf, groupConversation } from './conversation.ts';

let seq = 0;
function msg(author: InboxMessage['author'], createdAt: string, text = author): InboxMessage {
  return {
    id: `m${++seq}`,
    author,
    text,
    type: 'text',
    createdAt,
    direction: author === 'contact' ? 'in' : 'out',
    status: author === 'contact' ? 'received' : 'sent',
    media: null,
  };
}

describe('groupConversation', () => {
  it('puts consecutive messages of one author into one run', () => {
    const days = groupConversation(
      [
        msg('contact', '2025-03-10T12:00:00Z'),
        msg('contact', '2025-03-10T12:00:30Z'),
        msg('bot', '2025-03-10T12:00:31Z'),
        msg('agent', '2025-03-10T12:01:00Z'),
        msg('agent', '2025-03-10T12:02:00Z'),
        msg('contact', '2025-03-10T12:03:00Z'),
      ],
      'UTC',
    );
    expect(days).toHaveLength(1);
    expect(days[0]?.runs.map((r) => [r.author, r.messages.length])).toEqual([
      ['contact', 2],
      ['bot', 1],
      ['agent', 2],
      ['contact', 1],
    ]);
  });

  it('starts a new run after a long pause of the same author', () => {
    const days = groupConversation(
      [
        msg('contact', '2025-03-10T12:00:00Z'),
        msg('contact', '2025-03-10T12:04:59Z'),
        msg('contact', '2025-03-10T12:10:00Z'),
      ],
      'UTC',
    );
    expect(days[0]?.runs.map((r) => r.messages.length)).toEqual([2, 1]);
  });

  it('splits days in the reader’s time zone, not UTC', () => {
    const messages = [msg('contact', '2025-03-10T23:58:00Z'), msg('contact', '2025-03-11T00:01:00Z')];
    expect(groupConversation(messages, 'UTC').map((d) => d.day)).toEqual(['2025-03-10', '2025-03-11']);
    // 20:58 and 21:01 in São Paulo: the same evening, one run.
    const saoPaulo = groupConversation(messages, 'America/Sao_Paulo');
    expect(saoPaulo.map((d) => d.day)).toEqual(['2025-03-10']);
    expect(saoPaulo[0]?.runs).toHaveLength(1);
  });

  it('gives nothing for no messages', () => {
    expect(groupConversation([])).toEqual([]);
  });
});

describe('dayLabelKind', () => {
  const now = new Date('2025-03-10T02:00:00Z');
  it('names today and yesterday in the reader’s time zone', () => {
    expect(dayLabelKind('2025-03-10', now, 'UTC')).toBe('today');
    expect(dayLabelKind('2025-03-09', now, 'UTC')).toBe('yesterday');
    expect(dayLabelKind('2025-03-08', now, 'UTC')).toBe('date');
    // Still the 9th, 23:00, in São Paulo.
    expect(dayLabelKind('2025-03-09', now, 'America/Sao_Paulo')).toBe('today');
    expect(dayLabelKind('2025-03-08', now, 'America/Sao_Paulo')).toBe('yesterday');
  });

  it('works across a month boundary', () => {
    expect(dayLabelKind('2025-02-28', new Date('2025-03-01T15:00:00Z'), 'UTC')).toBe('yesterday');
  });

  it('reads dates with dayOf', () => {
    expect(dayOf('2025-03-10T02:00:00Z', 'America/Sao_Paulo')).toBe('2025-03-09');
  });
});

describe('deliveryOf', () => {
  it.each([
    ['pending', 'sending'],
    ['accepted', 'sent'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['failed', 'failed'],
    ['something-new', null],
  ] as const)('an outgoing %s message is %s', (status, delivery) => {
    expect(deliveryOf({ direction: 'out', status })).toBe(delivery);
  });

  it('says nothing about incoming messages', () => {
    expect(deliveryOf({ direction: 'in', status: 'received' })).toBeNull();
  });
});
