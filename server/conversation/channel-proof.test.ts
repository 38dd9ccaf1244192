import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

/** Real traffic proves a channel, as a connection test does: the studio stops saying "Não verificado". */
describe('a channel proven by real traffic', () => {
  let h: MessagingHarness;
  beforeAll(async () => {
    h = await startMessagingHarness();
  });
  afterAll(() => h.close());
  const channel = () =>
    h.testDb.db.selectFrom('channels').selectAll().where('id', '=', h.channelId).executeTakeFirstOrThrow();

  it('a signed delivery marks the webhook verified, and a reply Meta accepted marks the channel working', async () => {
    const before = await channel();
    expect(before).toMatchObject({ checked_at: null, check_ok: null, webhook_verified_at: null });
    // The sender had seen the token rejected before it was fixed at Meta.
    await h.testDb.db.updateTable('channels').set({ healthy: false, health_error: '190 token expirado' }).execute();
    h.messaging.deps.channels.invalidate();

    const res = await h.postJson(
      messageWebhook({
        ...channelA,
        wamid: 'wamid.proof.1',
        from: '5584991230009',
        name: 'Rui',
        timestamp: new Date(),
        text: 'oi',
      }),
    );
    expect(res.status).toBe(200);
    expect((await channel()).webhook_verified_at).toBeInstanceOf(Date);
    await h.fake.waitForSent(1);
    await expect.poll(async () => (await channel()).check_ok).toBe(true);
    const after = await channel();
    expect(after).toMatchObject({ check_error: null, healthy: true, health_error: null });
    expect(after.checked_at).toBeInstanceOf(Date);
  });
});
