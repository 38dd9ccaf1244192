import { describe, expect, it } from 'vitest';
import { deliveryOf, failureText } from './delivery.ts';

describe('delivery ticks', () => {
  it('reads outgoing statuses as ticks and ignores incoming messages', () => {
    expect(deliveryOf({ direction: 'out', status: 'pending' })).toBe('sending');
    expect(deliveryOf({ direction: 'out', status: 'accepted' })).toBe('sent');
    expect(deliveryOf({ direction: 'out', status: 'played' })).toBe('read');
    expect(deliveryOf({ direction: 'out', status: 'weird' })).toBeNull();
    expect(deliveryOf({ direction: 'in', status: 'received' })).toBeNull();
  });

  it("says why a message failed with Meta's code and title", () => {
    expect(failureText({ code: 131047, title: 'Re-engagement message' })).toBe('131047 · Re-engagement message');
    expect(failureText({ code: null, title: 'Fora da janela' })).toBe('Fora da janela');
    expect(failureText(null)).toBeNull();
  });
});
