import { describe, expect, it } from 'vitest';
import { sendFailure } from './send-failure.ts';

describe('sendFailure', () => {
  it.each<[string, unknown, { code: string | null; reason: string }]>([
    [
      'the sender (Graph refused the call)',
      { code: '131047', message: 'Re-engagement message', kind: 'window_closed' },
      { code: '131047', reason: 'Re-engagement message' },
    ],
    [
      'the sender, before Graph',
      { code: 'channel_missing', message: 'O canal deste contato foi removido.' },
      { code: 'channel_missing', reason: 'O canal deste contato foi removido.' },
    ],
    [
      'a failed status webhook',
      [
        {
          code: 131026,
          title: 'Message undeliverable',
          message: 'Message undeliverable',
          details: 'Recipient is not a WhatsApp user',
        },
      ],
      { code: '131026', reason: 'Recipient is not a WhatsApp user' },
    ],
    [
      'a webhook error without code',
      [{ code: null, message: 'unknown error' }],
      { code: null, reason: 'unknown error' },
    ],
    ['nothing stored', null, { code: null, reason: 'Falha sem detalhes do WhatsApp.' }],
    ['an empty errors array', [], { code: null, reason: 'Falha sem detalhes do WhatsApp.' }],
  ])('%s', (_, stored, expected) => {
    expect(sendFailure(stored)).toEqual(expected);
  });
});
