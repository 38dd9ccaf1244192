import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowDocument, type FlowDocumentInput } from '../../shared/flow/schema.ts';
import { importFlow } from '../flows/import-flow.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { until } from '../testing/until.ts';
import { repliesTo, waitForProcessed } from '../testing/wait-for-processed.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

// Recent, so the 24-hour customer-service window is open for the replies.
const base = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
const bodiesOf = (h: MessagingHarness) => h.fake.sent().map((r) => (r.body as { text?: { body: string } }).text?.body);

/** Greets, keeps a variable, and moves the contact to another flow. */
const origin = (targetFlowId: string): FlowDocumentInput => ({
  name: 'Origem',
  variables: [{ name: 'origem', type: 'string' }],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 0, y: 150 }, data: { text: 'Vou te levar ao setor de vendas.' } },
    {
      id: 'keep',
      type: 'set',
      position: { x: 0, y: 300 },
      data: { assignments: [{ variable: 'origem', value: 'menu' }] },
    },
    { id: 'go', type: 'goto', position: { x: 0, y: 450 }, data: { target: { kind: 'flow', flowId: targetFlowId } } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'keep' },
    { id: 'e3', source: 'keep', sourceHandle: 'next', target: 'go' },
  ],
});

const destination: FlowDocumentInput = {
  name: 'Vendas',
  variables: [{ name: 'origem', type: 'string' }],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 0, y: 150 }, data: { text: 'Vendas aqui (vindo de {{origem}}).' } },
    { id: 'wait', type: 'wait', position: { x: 0, y: 300 }, data: { durationMinutes: null, variable: 'msg' } },
    { id: 'echo', type: 'message', position: { x: 0, y: 450 }, data: { text: 'Vendas recebeu: {{msg}}' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'wait' },
    { id: 'e3', source: 'wait', sourceHandle: 'reply', target: 'echo' },
    { id: 'e4', source: 'echo', sourceHandle: 'next', target: 'wait' },
    { id: 'e5', source: 'wait', sourceHandle: 'timeout', target: 'echo' },
  ],
};

describe('a goto block into another flow', () => {
  let h: MessagingHarness;
  let destinationId: string;
  const from = '5584991237001';
  const text = (wamid: string, body: string, at: Date) =>
    messageWebhook({ ...channelA, wamid, from, name: 'Ana Souza', timestamp: at, text: body });

  beforeAll(async () => {
    h = await startMessagingHarness({ autoStart: false });
    const imported = await importFlow(h.testDb.db, flowDocument.parse(destination), true, null);
    if (!imported.ok) throw new Error('destination flow is invalid');
    destinationId = imported.flow.id;
    const first = await importFlow(h.testDb.db, flowDocument.parse(origin(destinationId)), true, null);
    if (!first.ok) throw new Error('origin flow is invalid');
    await h.testDb.db.updateTable('channels').set({ flow_id: first.flow.id }).where('id', '=', h.channelId).execute();
  });
  afterAll(() => h.close());

  it('starts the other flow once, as a queued job with the plain variables, before what the contact sent next', async () => {
    // Both are waiting when the processor starts: the second belongs to the flow the first moves to.
    await h.postJson(text('wamid.goto.1', 'oi', base));
    await h.postJson(text('wamid.goto.2', 'quero comprar', new Date(base.getTime() + 1000)));
    h.messaging.start();
    await h.fake.waitForSent(3);
    expect(bodiesOf(h)).toEqual([
      'Vou te levar ao setor de vendas.',
      'Vendas aqui (vindo de menu).',
      'Vendas recebeu: quero comprar',
    ]);

    await waitForProcessed(h.testDb.db, 'wamid.goto.2');
    const jobs = await h.testDb.db
      .selectFrom('scheduled_jobs')
      .select(['key', 'status'])
      .where('kind', '=', 'flow_start')
      .execute();
    expect(jobs).toEqual([{ key: expect.stringMatching(/^goto:/), status: 'done' }]);
    const sessions = await h.testDb.db.selectFrom('conversation_sessions').select(['flow_id', 'status']).execute();
    expect(sessions.map((s) => s.status).sort()).toEqual(['active', 'ended']);
    expect(sessions.find((s) => s.status === 'active')?.flow_id).toBe(destinationId);

    // Nothing doubled: every reply written once and sent once.
    await until(
      'every reply to be sent',
      async () => (await h.testDb.db.selectFrom('outbox').select('id').execute()).length === 0,
      5000,
    );
    expect(await repliesTo(h.testDb.db, from)).toBe(3);
    expect(h.fake.sent()).toHaveLength(3);
  });
});
