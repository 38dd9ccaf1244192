import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterTemplates } from '../../shared/templates/index.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

/** The finance team's case: a reminder template to debtors, then the cobrança flow takes their answers. */
describe('campaigns', () => {
  let h: MessagingHarness;
  let call: <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  let flowId = '';
  beforeAll(async () => {
    const cobranca = starterTemplates.find((t) => t.id === 'cobranca');
    h = await startMessagingHarness({ flow: cobranca?.flow });
    flowId = (await h.testDb.db.selectFrom('channels').select('flow_id').executeTakeFirstOrThrow()).flow_id ?? '';
    const { secret } = await createApiToken(h.testDb.db, { name: 'fin', role: 'admin', createdBy: null });
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

  it('sends the template to each recipient and starts the flow with their variables', async () => {
    const res = await call<{ campaign: { id: string; recipients: number } }>('POST', '/api/campaigns', {
      name: 'Vencidos novembro',
      channelId: h.channelId,
      flowId,
      template: { name: 'lembrete_pagamento', language: 'pt_BR', parameters: ['{{nome}}', 'R$ {{valor}}'] },
      audience: [
        {
          phone: '+55 84 99123-6666',
          name: 'Fábio',
          variables: { nome: 'Fábio', valor: '350,00', dias_atraso: 5, vencimento: '10/11' },
        },
      ],
    });
    expect(res.status).toBe(201);
    const [sent] = await h.fake.waitForSent(1);
    expect(sent?.body).toMatchObject({
      to: '+5584991236666',
      type: 'template',
      template: {
        name: 'lembrete_pagamento',
        language: { code: 'pt_BR' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Fábio' },
              { type: 'text', text: 'R$ 350,00' },
            ],
          },
        ],
      },
    });
    await expect
      .poll(
        async () =>
          (await h.testDb.db.selectFrom('conversation_sessions').select(['flow_id', 'state']).executeTakeFirst())
            ?.flow_id,
        { timeout: 5000 },
      )
      .toBe(flowId);
    const session = await h.testDb.db.selectFrom('conversation_sessions').select('state').executeTakeFirstOrThrow();
    expect(session.state as { variables: Record<string, unknown>; nodeId: string }).toMatchObject({
      nodeId: 'lembrete',
      variables: { nome: 'Fábio', valor: '350,00' },
    });

    // The contact answers the template: the window opens and the flow goes on.
    await h.postJson(
      messageWebhook({
        ...channelA,
        wamid: 'wamid.camp.1',
        from: '5584991236666',
        name: 'Fábio',
        timestamp: new Date(),
        text: 'Vou pagar agora',
      }),
    );
    await h.fake.waitForSent(2);
    expect(JSON.stringify(h.fake.sent()[1]?.body)).toContain('Como você prefere pagar os R$ 350,00?');

    const list = await call<{ campaigns: { status: string; queued: number }[] }>('GET', '/api/campaigns');
    expect(list.body.campaigns).toEqual([expect.objectContaining({ status: 'done', queued: 1 })]);
  });

  it('refuses a bad audience or an unknown channel with a 400 and schedules nothing', async () => {
    const before = (await call<{ campaigns: unknown[] }>('GET', '/api/campaigns')).body.campaigns.length;
    const bad = await call<{ error: { message: string } }>('POST', '/api/campaigns', {
      name: 'x',
      channelId: h.channelId,
      template: { name: 't' },
      audience: [{ phone: '123' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/audience/);
    expect(
      (
        await call('POST', '/api/campaigns', {
          name: 'x',
          channelId: 'nope',
          template: { name: 't' },
          audience: [{ phone: '5584991230001' }],
        })
      ).status,
    ).toBe(400);
    expect((await call<{ campaigns: unknown[] }>('GET', '/api/campaigns')).body.campaigns.length).toBe(before);
  });
});
