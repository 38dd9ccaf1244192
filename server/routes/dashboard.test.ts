import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardResponse } from '../../shared/api/dashboard.ts';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { createSecretBox } from '../auth/secret-box.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { seedChannel } from '../testing/seed-inbox.ts';
import { until } from '../testing/until.ts';
import { messageWebhook, statusWebhook } from '../testing/webhook-payloads.ts';
import { waitForProcessed } from '../testing/wait-for-processed.ts';

/** Greets, waits for an answer, hands over to a person, and ends once the person resolves it. */
const salesFlow: FlowDocumentInput = {
  name: 'Vendas',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 0, y: 100 }, data: { text: 'Olá! Em que posso ajudar?' } },
    { id: 'ask', type: 'wait', position: { x: 0, y: 200 }, data: { durationMinutes: null, variable: 'msg' } },
    {
      id: 'human',
      type: 'handoff',
      position: { x: 0, y: 300 },
      data: { team: 'vendas', message: 'Vou chamar um vendedor.' },
    },
    { id: 'bye', type: 'end', position: { x: 0, y: 400 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'ask' },
    { id: 'e3', source: 'ask', sourceHandle: 'reply', target: 'human' },
    { id: 'e4', source: 'human', sourceHandle: 'resolved', target: 'bye' },
  ],
};

const contactPhone = '5584991234567';
// Whole seconds, as Meta's timestamps are; half an hour ago so that rows stamped by the database's
// own clock (inbound receipts) fall in the same period.
const t0 = Math.floor((Date.now() - 30 * 60_000) / 1000) * 1000;
const at = (seconds: number) => new Date(t0 + seconds * 1000);

describe('GET /api/dashboard from a conversation that came through signed webhooks', () => {
  let h: MessagingHarness;
  let now = at(0);
  let flowId = '';
  let otherChannelId = '';
  const as =
    (secret: string) =>
    async <T>(method: string, path: string, body?: unknown) => {
      const res = await h.app.request(path, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as T };
    };
  let admin: ReturnType<typeof as>;
  let editor: ReturnType<typeof as>;
  let agent: ReturnType<typeof as>;
  const period = `from=${encodeURIComponent(at(-3600).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`;

  const say = async (wamid: string, seconds: number, text: string) => {
    expect(
      (
        await h.postJson(
          messageWebhook({ ...channelA, wamid, from: contactPhone, name: 'Carla', timestamp: at(seconds), text }),
        )
      ).status,
    ).toBe(200);
    await waitForProcessed(h.testDb.db, wamid);
  };
  const outbound = () =>
    h.testDb.db
      .selectFrom('messages')
      .select(['wamid', 'text'])
      .where('direction', '=', 'out')
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    h = await startMessagingHarness({ flow: salesFlow, clock: { now: () => now } });
    const { db } = h.testDb;
    flowId = (await db.selectFrom('flows').select('id').executeTakeFirstOrThrow()).id;
    // Sealed with the harness's key: the webhook opens every channel's secrets to find the one addressed.
    otherChannelId = (await seedChannel(db, createSecretBox('harness-secret-key-harness-secret-key'))).id;
    const people = await Promise.all(
      (['admin', 'editor', 'agent'] as const).map(async (role) => {
        const user = await createUser(db, { email: `${role}@painel.test`, password: `senha-do-${role}-2026`, role });
        return (await createApiToken(db, { name: role, role, createdBy: user.id })).secret;
      }),
    );
    [admin, editor, agent] = people.map(as) as [typeof admin, typeof admin, typeof admin];

    // The contact writes at 0 s; the bot answers at 3 s.
    now = at(3);
    await say('wamid.dash.1', 0, 'oi');
    await h.fake.waitForSent(1);
    // Asks for a person at 60 s; the bot says it is calling one at 65 s, when the handoff opens.
    now = at(65);
    await say('wamid.dash.2', 60, 'quero falar com alguém');
    await h.fake.waitForSent(2);
    // The agent claims it and writes at 105 s: 40 s after the handoff opened.
    const handoffId = (await db.selectFrom('handoffs').select('id').executeTakeFirstOrThrow()).id;
    now = at(105);
    expect((await agent('POST', `/api/handoffs/${handoffId}/claim`)).status).toBe(200);
    expect(
      (await agent('POST', `/api/handoffs/${handoffId}/messages`, { text: 'Oi Carla, sou o Pedro.' })).status,
    ).toBe(202);
    await h.fake.waitForSent(3);
    // Resolved at 200 s: the flow goes on to its end block and the conversation is complete.
    now = at(200);
    expect((await agent('POST', `/api/handoffs/${handoffId}/resolve`)).status).toBe(200);
    await until(
      'the session to end',
      async () =>
        (await db.selectFrom('conversation_sessions').select('status').executeTakeFirst())?.status === 'ended',
      5000,
    );

    // Meta reports the greeting failed (131047: outside the window), the second delivered, the agent's read.
    await until('every send to have its wamid', async () => (await outbound()).every((m) => m.wamid !== null), 5000);
    const [greeting, calling, human] = await outbound();
    const report = (
      wamid: string | null | undefined,
      status: 'failed' | 'delivered' | 'read',
      error?: { code: number; title: string },
    ) =>
      h.postJson(
        statusWebhook({ ...channelA, wamid: wamid ?? '', recipient: contactPhone, status, timestamp: at(210), error }),
      );
    await report(greeting?.wamid, 'failed', { code: 131047, title: 'Re-engagement message' });
    await report(calling?.wamid, 'delivered');
    await report(human?.wamid, 'read');
    await until(
      'the statuses to be stored',
      async () => {
        const rows = await db.selectFrom('messages').select('status').where('direction', '=', 'out').execute();
        return (
          rows
            .map((r) => r.status)
            .sort()
            .join() === 'delivered,failed,read'
        );
      },
      5000,
    );

    // Orders: one placed, one cancelled (not counted).
    const contactId = (
      await db.selectFrom('contacts').select('id').where('wa_id', '=', contactPhone).executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('orders')
      .values([
        { id: 'order-1', contact_id: contactId, status: 'confirmed', total_cents: 12_990, created_at: at(150) },
        { id: 'order-2', contact_id: contactId, status: 'cancelled', total_cents: 5_000, created_at: at(160) },
      ])
      .execute();
  });
  afterAll(() => h.close());

  it('counts the conversation, its handoff, the first-reply times, the statuses, the failure code and the orders', async () => {
    const res = await editor<DashboardResponse>('GET', `/api/dashboard?${period}&flowId=${flowId}`);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.conversations).toEqual({ started: 1, completed: 1, handedOff: 1, handoffRate: 1 });
    // Bot: 3 s and 5 s after each of the contact's turns; person: 40 s after the handoff opened.
    // Medians come from reply-time buckets (server/dashboard/reply-median.ts), each sample at its
    // bucket's middle: [3.0, 3.1) and [5.0, 5.1) s for the bot, [40, 41) s for the person.
    expect(d.firstReply).toEqual({ botSeconds: 4.05, botSamples: 2, humanSeconds: 40.5, humanSamples: 1 });
    expect(d.messages).toEqual({
      inbound: 2,
      byStatus: { failed: 1, delivered: 1, read: 1 },
      failuresByCode: [{ code: '131047', count: 1 }],
    });
    expect(d.orders).toEqual({ count: 1, revenueCents: 12_990 });
    expect(d.funnel).toEqual({
      flowId,
      flowName: 'Vendas',
      steps: [
        { nodeId: 'start', type: 'start', label: 'start', sessions: 1 },
        { nodeId: 'hello', type: 'message', label: 'Olá! Em que posso ajudar?', sessions: 1 },
        { nodeId: 'ask', type: 'wait', label: 'ask', sessions: 1 },
        { nodeId: 'human', type: 'handoff', label: 'Vou chamar um vendedor.', sessions: 1 },
        { nodeId: 'bye', type: 'end', label: 'bye', sessions: 1 },
      ],
    });
    const totals = d.days.reduce(
      (s, day) => ({
        started: s.started + day.started,
        inbound: s.inbound + day.inbound,
        outbound: s.outbound + day.outbound,
        failed: s.failed + day.failed,
        handoffs: s.handoffs + day.handoffs,
        revenueCents: s.revenueCents + day.revenueCents,
      }),
      { started: 0, inbound: 0, outbound: 0, failed: 0, handoffs: 0, revenueCents: 0 },
    );
    expect(totals).toEqual({ started: 1, inbound: 2, outbound: 3, failed: 1, handoffs: 1, revenueCents: 12_990 });
  });

  it('counts nothing on another channel', async () => {
    const d = (await admin<DashboardResponse>('GET', `/api/dashboard?${period}&channelId=${otherChannelId}`)).body;
    expect(d.channelId).toBe(otherChannelId);
    expect(d.conversations).toEqual({ started: 0, completed: 0, handedOff: 0, handoffRate: null });
    expect(d.firstReply).toEqual({ botSeconds: null, botSamples: 0, humanSeconds: null, humanSamples: 0 });
    expect(d.messages.inbound).toBe(0);
    expect(d.orders).toEqual({ count: 0, revenueCents: 0 });
    expect(d.funnel).toBeNull();
  });

  it('defaults to the last 7 days in São Paulo time, one entry per day', async () => {
    const d = (await admin<DashboardResponse>('GET', '/api/dashboard')).body;
    expect(d.period.timeZone).toBe('America/Sao_Paulo');
    expect(d.days).toHaveLength(7);
    // Midnight in São Paulo is 03:00 UTC.
    expect(d.period.from).toMatch(/T03:00:00\.000Z$/);
    expect(d.days.at(-1)?.day).toBe(new Date(now.getTime() - 3 * 3_600_000).toISOString().slice(0, 10));
  });

  it('refuses agents, unknown channels and flows, and periods over a year', async () => {
    expect((await agent<{ error: { code: string } }>('GET', '/api/dashboard')).body.error.code).toBe('forbidden');
    expect((await admin('GET', '/api/dashboard?channelId=nope')).status).toBe(404);
    expect((await admin('GET', '/api/dashboard?flowId=nope')).status).toBe(404);
    const long = await admin<{ error: { code: string } }>(
      'GET',
      `/api/dashboard?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    expect([long.status, long.body.error.code]).toEqual([400, 'invalid_period']);
    const bad = await admin<{ error: { code: string } }>('GET', '/api/dashboard?days=8');
    expect(bad.status).toBe(400);
  });
});
