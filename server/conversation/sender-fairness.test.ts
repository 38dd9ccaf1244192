import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalRateLimiter } from '../queue/rate-limiter.ts';
import { startSenderFixture, type SenderFixture } from '../testing/sender-fixture.ts';

/**
 * Issue 23: at saturation a few contacts waited seconds for replies queued long before others
 * went out. When the sender had less room than contacts with a reply due, it took the first
 * heads in contact id order, so a contact whose id sorts late waited while earlier-sorting
 * contacts kept being served. The oldest reply must go first, whoever its contact is.
 */
describe('sender: the oldest due reply first, across contacts', () => {
  let s: SenderFixture;

  beforeAll(async () => {
    s = await startSenderFixture({
      id: 'ch-sender-fairness',
      phoneNumberId: '106000000000095',
      accessToken: 'EAAG-sender-fairness-token',
    });
  });
  afterAll(() => s.close());

  /** A contact (with this id) and one reply queued for it now: later calls queue later rows. */
  const queueReply = (contactId: string, n: number, text: string) =>
    s.queueReply({ id: contactId, waId: String(5584997000000 + n), name: 'C' }, text);
  const sentTexts = () => s.fake.sent().map((r) => (r.body as { text: { body: string } }).text.body);

  it('sends the reply queued first when there is room for one, though its contact id sorts last', async () => {
    // Queued oldest first: the contact sorting last, then three sorting before it.
    await queueReply('zz-contact-waiting-longest', 0, 'primeira da fila');
    for (const [i, id] of ['aa-contact', 'bb-contact', 'cc-contact'].entries())
      await queueReply(id, i + 1, `depois ${i}`);
    const sends = s.sender({ limiter: createLocalRateLimiter(), batchSize: 1 });
    await sends.pass();
    await sends.drain();
    expect(sentTexts()).toEqual(['primeira da fila']);
    // Then the others, in the order they were queued.
    for (let i = 0; i < 3; i++) {
      await sends.pass();
      await sends.drain();
    }
    expect(sentTexts()).toEqual(['primeira da fila', 'depois 0', 'depois 1', 'depois 2']);
  });
});
