import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishSettledCampaigns } from '../campaigns/finish-campaigns.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { messageWebhook, statusWebhook } from '../testing/webhook-payloads.ts';
import { startWebhookReceiver } from '../testing/webhook-receiver.ts';

interface Totals {
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  replied: number;
  failed: number;
  skipped: number;
  opted_out: number;
}
interface Campaign {
  id: string;
  status: string;
  queued: number;
  totals: Totals;
}
interface Recipient {
  row: number;
  phone: string;
  contactId: string;
  outcome: string;
  skipReason: string | null;
  error: { code: string | null; reason: string } | null;
}
const zero: Totals = { queued: 0, sent: 0, delivered: 0, read: 0, replied: 0, failed: 0, skipped: 0, opted_out: 0 };

/** Issue 21, defects 2–4: numbers as people type them, campaigns that tell the truth, handoffs left alone. */
describe('campaign outcomes', () => {
  let h: MessagingHarness;
  let flowId = '';
  let call: <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  beforeAll(async () => {
    h = await startMessagingHarness();
    flowId = (await h.testDb.db.selectFrom('channels').select('flow_id').executeTakeFirstOrThrow()).flow_id ?? '';
    const { secret } = await createApiToken(h.testDb.db, { name: 'mkt', role: 'admin', createdBy: null });
    call = async <T>(method: string, path: string, body?: unknown) => {
      const res = await h.app.request(path, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as T };
    };
  });
  afterAll(() => h.close());

  const template = { name: 'promo_dezembro', language: 'pt_BR', parameters: [] };
  const create = async (audience: unknown[], extra: Record<string, unknown> = {}) => {
    const res = await call<{ campaign: Campaign }>('POST', '/api/campaigns', {
      name: 'Dezembro',
      channelId: h.channelId,
      template,
      audience,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.campaign.id;
  };
  const campaign = async (id: string) =>
    (await call<{ campaign: Campaign }>('GET', `/api/campaigns/${id}`)).body.campaign;
  const recipients = async (id: string, query = '') =>
    (await call<{ recipients: Recipient[] }>('GET', `/api/campaigns/${id}/recipients${query}`)).body.recipients;
  const templatesTo = (to: string) =>
    h.fake
      .sent()
      .filter(
        (s) => (s.body as { type?: string; to?: string }).type === 'template' && (s.body as { to?: string }).to === to,
      );
  /** The accepted send to `to`: Meta's id and the outbox id Meta echoes in its status webhooks. */
  const sentTo = async (to: string) => {
    await expect.poll(() => templatesTo(to).length, { timeout: 5000 }).toBe(1);
    const send = templatesTo(to)[0];
    const callback = (send?.body as { biz_opaque_callback_data?: string } | undefined)?.biz_opaque_callback_data;
    if (!send?.wamid || !callback) throw new Error(`no accepted send to ${to}`);
    return { wamid: send.wamid, bizOpaqueCallbackData: callback };
  };
  const status = (
    send: { wamid: string; bizOpaqueCallbackData: string },
    recipient: string,
    value: 'delivered' | 'read' | 'failed',
    error?: { code: number; title: string },
  ) =>
    h.postJson(
      statusWebhook({
        ...channelA,
        ...send,
        recipient,
        status: value,
        timestamp: new Date(),
        ...(error ? { error } : {}),
      }),
    );
  const outcomes = async (id: string) => (await recipients(id)).map((r) => r.outcome);

  it('sends to a number typed with DDD and punctuation in Brazil, not to the country its digits start like', async () => {
    const id = await create([{ phone: '(84) 99000-0778', name: 'Rita' }]);
    await sentTo('+5584990000778');
    expect(h.fake.sent().some((s) => (s.body as { to?: string }).to === '+84990000778')).toBe(false);
    await expect.poll(() => outcomes(id), { timeout: 5000 }).toEqual(['sent']);
    expect(await recipients(id)).toEqual([
      expect.objectContaining({ row: 1, phone: '5584990000778', outcome: 'sent' }),
    ]);
  });

  it('refuses an audience with numbers it cannot read, naming each row, and schedules nothing', async () => {
    const before = (await call<{ campaigns: unknown[] }>('GET', '/api/campaigns')).body.campaigns.length;
    const res = await call<{
      error: { code: string; message: string; details: { issues: { path: string; message: string }[] } };
    }>('POST', '/api/campaigns', {
      name: 'x',
      channelId: h.channelId,
      template,
      audience: [
        { phone: '(84) 99123-0001' },
        { phone: '12345' },
        { phone: '(20) 99123-0001' },
        { phone: '+55 84 99123-0002' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toContain('linha 2: "12345"');
    expect(res.body.error.message).toContain('linha 3: "(20) 99123-0001"');
    expect(res.body.error.details.issues.map((i) => i.path)).toEqual(['audience.1.phone', 'audience.2.phone']);
    expect((await call<{ campaigns: unknown[] }>('GET', '/api/campaigns')).body.campaigns.length).toBe(before);
  });

  it("is failed, not done, when every send failed, with Meta's code and reason per recipient", async () => {
    // One refused by Graph at once, one accepted and then reported failed by a status webhook.
    h.fake.failNext(1, { status: 400, code: 131047, message: 'Re-engagement message', to: '+5584991200001' });
    const id = await create([{ phone: '84 99120-0001' }, { phone: '(84) 99120-0002' }]);
    const send = await sentTo('+5584991200002');
    await expect.poll(() => outcomes(id), { timeout: 5000 }).toEqual(['failed', 'sent']);
    // Queuing the sends is not finishing the campaign.
    expect(await campaign(id)).toMatchObject({ status: 'running', queued: 2, totals: { ...zero, failed: 1, sent: 1 } });

    expect(
      (await status(send, '5584991200002', 'failed', { code: 131026, title: 'Message undeliverable' })).status,
    ).toBe(200);
    await expect.poll(async () => (await campaign(id)).status, { timeout: 5000 }).toBe('failed');
    expect((await campaign(id)).totals).toEqual({ ...zero, failed: 2 });
    const [first, second] = await recipients(id);
    expect(first).toMatchObject({
      row: 1,
      phone: '5584991200001',
      outcome: 'failed',
      skipReason: null,
      error: { code: '131047' },
    });
    expect(first?.error?.reason).toContain('Re-engagement message');
    expect(second).toMatchObject({
      row: 2,
      outcome: 'failed',
      error: { code: '131026', reason: 'Message undeliverable' },
    });
    expect(await recipients(id, '?outcome=failed&after=1')).toEqual([second]);
  });

  it('is done once each recipient is settled, counting delivered, read and replied', async () => {
    const id = await create([{ phone: '84991300001' }, { phone: '84991300002' }, { phone: '84991300003' }]);
    const [w1, w2] = [await sentTo('+5584991300001'), await sentTo('+5584991300002')];
    await sentTo('+5584991300003');
    await status(w1, '5584991300001', 'delivered');
    await status(w2, '5584991300002', 'read');
    // Status webhooks may come before the sender has recorded Meta's answer: the echoed outbox id finds the message.
    await expect
      .poll(async () => (await campaign(id)).totals, { timeout: 5000 })
      .toEqual({ ...zero, delivered: 1, read: 1, sent: 1 });
    expect((await campaign(id)).status).toBe('running');

    await h.postJson(
      messageWebhook({
        ...channelA,
        wamid: 'wamid.reply.3',
        from: '5584991300003',
        name: 'Leo',
        timestamp: new Date(),
        text: 'Quero!',
      }),
    );
    await expect.poll(async () => (await campaign(id)).status, { timeout: 5000 }).toBe('done');
    expect((await campaign(id)).totals).toEqual({ ...zero, delivered: 1, read: 1, replied: 1 });
    expect(
      (await call<{ campaigns: Campaign[] }>('GET', '/api/campaigns')).body.campaigns.find((c) => c.id === id)?.status,
    ).toBe('done');
  });

  it('emits campaign.finished once, with its totals, when every recipient is settled', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const hook = await call<{ secret: string }>('POST', '/api/event-webhooks', {
        url: receiver.url,
        events: ['campaign.finished'],
      });
      expect(hook.status).toBe(201);
      receiver.secret = hook.body.secret;
      const id = await create([{ phone: '84991700001' }, { phone: '84991700002' }]);
      const [w1, w2] = [await sentTo('+5584991700001'), await sentTo('+5584991700002')];
      await status(w1, '5584991700001', 'delivered');
      // One recipient still only sent: not finished.
      await expect.poll(async () => (await campaign(id)).totals.delivered, { timeout: 5000 }).toBe(1);
      const finishedAt = async () =>
        (await h.testDb.db.selectFrom('campaigns').select('finished_at').where('id', '=', id).executeTakeFirstOrThrow())
          .finished_at;
      await finishSettledCampaigns(h.testDb.db, new Date());
      expect(await finishedAt()).toBeNull();

      await status(w2, '5584991700002', 'failed', { code: 131026, title: 'Message undeliverable' });
      const finished = () =>
        receiver.accepted.filter((e) => e.type === 'campaign.finished' && e.data.campaignId === id);
      await expect.poll(() => finished().length, { timeout: 20_000 }).toBe(1);
      expect(finished()[0]?.data).toMatchObject({
        campaignId: id,
        name: 'Dezembro',
        status: 'done',
        recipients: 2,
        totals: { ...zero, delivered: 1, failed: 1 },
      });
      // Looking again, from this or another instance, finishes it no second time.
      const first = await finishedAt();
      expect(first).not.toBeNull();
      await Promise.all([
        finishSettledCampaigns(h.testDb.db, new Date()),
        finishSettledCampaigns(h.testDb.db, new Date()),
      ]);
      expect(await finishedAt()).toEqual(first);
      expect(
        await h.testDb.db
          .selectFrom('event_deliveries')
          .select('id')
          .where('event_type', '=', 'campaign.finished')
          .where(sql<boolean>`body::jsonb -> 'data' ->> 'campaignId' = ${id}`)
          .execute(),
      ).toHaveLength(1);
      expect(receiver.badSignatures).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('leaves contacts in a handoff alone, skips contacts in another flow by default, and each number once', async () => {
    const { db } = h.testDb;
    const now = new Date();
    await db
      .insertInto('contacts')
      .values({
        id: 'c-agent',
        channel_id: h.channelId,
        wa_id: '5584991400001',
        name: 'Ana',
        variables: '{}',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('handoffs')
      .values({
        id: 'h-agent',
        contact_id: 'c-agent',
        team: 'vendas',
        status: 'claimed',
        context: '{}',
        created_at: now,
      })
      .execute();
    // In the middle of the channel's flow: it greeted and waits for an answer.
    await h.postJson(
      messageWebhook({
        ...channelA,
        wamid: 'wamid.busy.1',
        from: '5584991400002',
        name: 'Bia',
        timestamp: now,
        text: 'oi',
      }),
    );
    await expect
      .poll(() => h.fake.sent().filter((s) => (s.body as { to?: string }).to === '+5584991400002').length, {
        timeout: 5000,
      })
      .toBe(1);
    const busySession = await db
      .selectFrom('conversation_sessions')
      .innerJoin('contacts', 'contacts.id', 'conversation_sessions.contact_id')
      .select('conversation_sessions.id')
      .where('contacts.wa_id', '=', '5584991400002')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();

    const id = await create(
      [
        { phone: '(84) 99140-0001' },
        { phone: '(84) 99140-0002' },
        { phone: '(84) 99140-0003' },
        { phone: '+55 84 99140-0003' },
      ],
      { flowId },
    );
    await sentTo('+5584991400003');
    await expect
      .poll(async () => (await recipients(id)).map((r) => [r.outcome, r.skipReason]), { timeout: 5000 })
      .toEqual([
        ['skipped', 'in_handoff'],
        ['skipped', 'in_flow'],
        ['sent', null],
        ['skipped', 'duplicate'],
      ]);
    expect(await campaign(id)).toMatchObject({ queued: 1, totals: { ...zero, skipped: 3, sent: 1 } });
    expect(templatesTo('+5584991400001')).toEqual([]);
    expect(templatesTo('+5584991400002')).toEqual([]);
    const jobs = await db
      .selectFrom('scheduled_jobs')
      .select('key')
      .where('kind', '=', 'flow_start')
      .where('key', 'like', `campaign:${id}:%`)
      .execute();
    expect(jobs).toHaveLength(1);
    // The agent's conversation and the other flow go on where they were.
    expect(
      await db.selectFrom('handoffs').select('status').where('id', '=', 'h-agent').executeTakeFirstOrThrow(),
    ).toEqual({ status: 'claimed' });
    expect(
      await db.selectFrom('conversation_sessions').select('id').where('contact_id', '=', 'c-agent').execute(),
    ).toEqual([]);
    expect(
      await db
        .selectFrom('conversation_sessions')
        .select(['id', 'status'])
        .where('id', '=', busySession.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ id: busySession.id, status: 'active' });

    // Asked to interrupt: the contact in the other flow gets the campaign; the agent's still does not.
    const interrupting = await create([{ phone: '84991400001' }, { phone: '84991400002' }], {
      flowId,
      contactsInFlow: 'interrupt',
    });
    // The flow greeted this contact moments ago: Meta's pair rate (1 message / 6 s to one person)
    // holds the template until 6 s after the greeting.
    await expect.poll(() => templatesTo('+5584991400002').length, { timeout: 15_000 }).toBe(1);
    await sentTo('+5584991400002');
    await expect.poll(() => outcomes(interrupting), { timeout: 5000 }).toEqual(['skipped', 'sent']);
    expect(await recipients(interrupting)).toEqual([
      expect.objectContaining({ outcome: 'skipped', skipReason: 'in_handoff' }),
      expect.objectContaining({ outcome: 'sent', skipReason: null }),
    ]);
    await expect
      .poll(
        async () =>
          (
            await db
              .selectFrom('conversation_sessions')
              .select('status')
              .where('id', '=', busySession.id)
              .executeTakeFirstOrThrow()
          ).status,
        { timeout: 5000 },
      )
      .toBe('ended');
    expect(templatesTo('+5584991400001')).toEqual([]);
  });

  it('does not take over a conversation handed to an agent after the campaign was queued', async () => {
    const { db } = h.testDb;
    const now = new Date();
    const version = await db
      .selectFrom('flow_versions')
      .select('id')
      .where('flow_id', '=', flowId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('contacts')
      .values({
        id: 'c-late',
        channel_id: h.channelId,
        wa_id: '5584991500001',
        name: 'Caio',
        variables: '{}',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const state = {
      v: 1,
      flowVersionId: version.id,
      status: 'handoff',
      nodeId: 'wait',
      awaiting: { kind: 'agent', retries: 0, timerKey: null, state: {} },
      variables: {},
      lastAnswer: '',
      history: [],
      error: null,
    };
    await db
      .insertInto('conversation_sessions')
      .values({
        id: 's-late',
        contact_id: 'c-late',
        flow_id: flowId,
        flow_version_id: version.id,
        status: 'handoff',
        state: JSON.stringify(state),
        created_at: now,
        updated_at: now,
      })
      .execute();
    // The campaign's flow start, queued while the contact was still free.
    await db
      .insertInto('scheduled_jobs')
      .values({
        id: 'j-late',
        kind: 'flow_start',
        key: 'campaign:late:c-late',
        contact_id: 'c-late',
        run_at: now,
        payload: JSON.stringify({ flowId, variables: {} }),
        status: 'pending',
      })
      .execute();
    h.messaging.deps.wake(['c-late']);
    await expect
      .poll(
        async () =>
          (await db.selectFrom('scheduled_jobs').select('status').where('id', '=', 'j-late').executeTakeFirst())
            ?.status ?? 'gone',
        { timeout: 5000 },
      )
      .not.toBe('pending');
    expect(
      await db
        .selectFrom('conversation_sessions')
        .select(['id', 'status'])
        .where('contact_id', '=', 'c-late')
        .execute(),
    ).toEqual([{ id: 's-late', status: 'handoff' }]);
    expect(h.fake.sent().filter((s) => (s.body as { to?: string }).to === '+5584991500001')).toEqual([]);
  });

  it('documents the per-recipient results in the OpenAPI document', async () => {
    const doc = (
      await call<{ paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> }>(
        'GET',
        '/api/openapi.json',
      )
    ).body;
    expect(doc.paths['/campaigns/{id}/recipients']?.get?.responses?.['200']).toBeDefined();
    expect(doc.paths['/campaigns/{id}']?.get).toBeDefined();
    expect(JSON.stringify(doc.paths['/campaigns']?.post)).toContain('contactsInFlow');
  });

  it('answers 404 for a campaign that does not exist', async () => {
    const res = await call<{ error: { code: string } }>('GET', '/api/campaigns/nope/recipients');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
