import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../auth/secret-box.ts';
import { messageWebhook } from '../testing/fake-graph-api.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { syncTemplates } from './sync-templates.ts';
import { cobrancaTemplates } from './fixtures.ts';

/** Meta's WABA webhook for a template (META-TEMPLATES.md §4): no phone number, the template id a number. */
const templateChange = (field: string, value: Record<string, unknown>) => ({
  field,
  value: {
    message_template_id: 1689556908129832,
    message_template_name: 'cobranca_fatura_atraso',
    message_template_language: 'pt-BR',
    ...value,
  },
});
const wabaDelivery = (...changes: unknown[]) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: channelA.wabaId, time: 1751247548, changes }],
});

describe('template webhooks', () => {
  let h: MessagingHarness;
  const template = () =>
    h.testDb.db
      .selectFrom('message_templates')
      .select(['status', 'quality', 'rejected_reason'])
      .where('meta_id', '=', '1689556908129832')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    h = await startMessagingHarness();
    h.fake.addTemplates(channelA.wabaId, cobrancaTemplates());
    const secrets = createSecretBox('harness-secret-key-harness-secret-key');
    const synced = await syncTemplates({
      db: h.testDb.db,
      graph: { baseUrl: h.fake.url, version: 'v23.0', timeoutMs: 5000 },
      openSecret: (s) => secrets.open(s),
      now: () => new Date(),
    });
    expect(synced.channels).toEqual([{ channelId: h.channelId, synced: 2, error: null }]);
  });
  afterAll(() => h.close());

  it('a status update changes the stored status (PAUSED, then REINSTATED = approved again)', async () => {
    const res = await h.postJson(
      wabaDelivery(
        templateChange('message_template_status_update', {
          event: 'PAUSED',
          reason: 'NONE',
          other_info: { title: 'FIRST_PAUSE', description: 'paused for 3 hours' },
        }),
      ),
    );
    expect(res.status).toBe(200);
    expect(await template()).toMatchObject({ status: 'PAUSED' });
    await h.postJson(wabaDelivery(templateChange('message_template_status_update', { event: 'REINSTATED' })));
    expect(await template()).toMatchObject({ status: 'APPROVED' });
  });

  it("a rejection keeps Meta's reason; a quality update changes the quality only", async () => {
    await h.postJson(
      wabaDelivery(templateChange('message_template_status_update', { event: 'REJECTED', reason: 'INVALID_FORMAT' })),
    );
    expect(await template()).toMatchObject({ status: 'REJECTED', rejected_reason: 'INVALID_FORMAT' });
    await h.postJson(
      wabaDelivery(
        templateChange('message_template_quality_update', {
          previous_quality_score: 'GREEN',
          new_quality_score: 'YELLOW',
        }),
      ),
    );
    expect(await template()).toMatchObject({ status: 'REJECTED', quality: 'YELLOW' });
  });

  it('a badly signed template webhook changes nothing', async () => {
    const before = await template();
    const body = JSON.stringify(wabaDelivery(templateChange('message_template_status_update', { event: 'DISABLED' })));
    expect((await h.post(body, 'sha256=' + '0'.repeat(64))).status).toBe(401);
    expect(await template()).toEqual(before);
  });

  it('does not disturb messages delivered beside it: the contact is still answered', async () => {
    const message = messageWebhook({
      ...channelA,
      wamid: 'wamid.beside-template-update',
      from: '5584991230099',
      name: 'Bia',
      timestamp: new Date(),
      text: 'oi',
    });
    const both = {
      ...message,
      entry: [
        ...message.entry,
        ...wabaDelivery(templateChange('message_template_status_update', { event: 'APPROVED' })).entry,
      ],
    };
    expect((await h.postJson(both)).status).toBe(200);
    const [reply] = await h.fake.waitForSent(1);
    expect((reply?.body as { text: { body: string } }).text.body).toBe('Olá, Bia! Mande algo.');
    expect(await template()).toMatchObject({ status: 'APPROVED' });
  });
});
