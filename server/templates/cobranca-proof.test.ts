import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { queueFlowStart } from '../db/queries/scheduled-jobs.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { until } from '../testing/until.ts';
import { cobrancaTemplates } from './fixtures.ts';

const cobranca = JSON.parse(
  readFileSync(new URL('../../shared/templates/cobranca.flow.json', import.meta.url), 'utf8'),
) as FlowDocumentInput;
const phone = '5584991230001';
const variables = { nome: 'Ana', valor: '350,00', dias_atraso: 5, vencimento: '10/03/2026' };

type Sent = {
  type: string;
  template?: Record<string, unknown>;
  interactive?: { action: { buttons?: { reply: { id: string; title: string } }[] } };
  text?: { body: string };
};

/**
 * Issue 18's proof: the Cobrança flow started for someone who never wrote, over signed webhooks,
 * against the fake Graph API that checks template sends as Meta does. Timers run on a clock the
 * test moves.
 */
describe('Cobrança over signed webhooks', () => {
  let h: MessagingHarness;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  let contactId: string;
  let seq = 0;

  beforeEach(async () => {
    offsetMs = 0;
    h = await startMessagingHarness({ flow: cobranca, clock });
    h.fake.addTemplates(channelA.wabaId, cobrancaTemplates(), [channelA.phoneNumberId]);
    contactId = randomUUID();
    await h.testDb.db
      .insertInto('contacts')
      .values({ id: contactId, channel_id: h.channelId, wa_id: phone, name: 'Ana Souza', variables: '{}' })
      .execute();
    const flow = await h.testDb.db.selectFrom('flows').select('id').executeTakeFirstOrThrow();
    await queueFlowStart(
      h.testDb.db,
      { key: `proof:${contactId}`, contactId, start: { flowId: flow.id, variables } },
      clock.now(),
    );
  });
  afterEach(() => h.close());

  const sent = () => h.fake.sent().map((r) => r.body as Sent);
  const waitSent = async (n: number) => (await h.fake.waitForSent(n, 10_000)).map((r) => r.body as Sent);
  const later = (ms: number) => {
    offsetMs += ms;
  };
  const hours = (n: number) => n * 3_600_000;
  const session = () =>
    h.testDb.db
      .selectFrom('conversation_sessions')
      .select(['state', 'status'])
      .where('contact_id', '=', contactId)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
  const nodeOf = async () => ((await session()).state as { nodeId: string | null }).nodeId;

  /** What WhatsApp delivers when the contact taps a template's quick reply: a `button` message. */
  const tapTemplate = (payload: string, text: string) =>
    h.postJson(
      inbound({
        type: 'button',
        button: { payload, text },
      }),
    );
  const tapButton = (id: string, title: string) =>
    h.postJson(inbound({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } }));
  const inbound = (message: Record<string, unknown>) => ({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: channelA.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: channelA.displayPhone, phone_number_id: channelA.phoneNumberId },
              contacts: [{ profile: { name: 'Ana Souza' }, wa_id: phone }],
              messages: [
                {
                  from: phone,
                  id: `wamid.proof${++seq}`,
                  timestamp: String(Math.floor(clock.now().getTime() / 1000)),
                  ...message,
                },
              ],
            },
          },
        ],
      },
    ],
  });

  const noOutsideWindow = async () => {
    const failed = await h.testDb.db
      .selectFrom('messages')
      .select(['status', 'error'])
      .where('contact_id', '=', contactId)
      .where('status', '=', 'failed')
      .execute();
    expect(failed).toEqual([]);
    expect(h.fake.requests.filter((r) => r.kind === 'send' && r.status !== 200)).toEqual([]);
  };

  it('A: the template reaches someone who never wrote; "Vou pagar agora" → Pix', async () => {
    const [first] = await waitSent(1);
    expect(first?.type).toBe('template');
    expect(first?.template).toMatchObject({
      name: 'cobranca_fatura_atraso',
      language: { code: 'pt_BR' },
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', parameter_name: 'nome', text: 'Ana' },
            { type: 'text', parameter_name: 'valor', text: '350,00' },
            { type: 'text', parameter_name: 'vencimento', text: '10/03/2026' },
            { type: 'text', parameter_name: 'dias_atraso', text: '5' },
          ],
        },
        {
          type: 'button',
          sub_type: 'quick_reply',
          index: '0',
          parameters: [{ type: 'payload', payload: 'lembrete:pagar' }],
        },
        { type: 'button', sub_type: 'quick_reply', index: '1' },
        { type: 'button', sub_type: 'quick_reply', index: '2' },
      ],
    });
    expect((await tapTemplate('lembrete:pagar', 'Vou pagar agora')).status).toBe(200);
    const [, menu] = await waitSent(2);
    expect(menu?.interactive?.action.buttons?.map((b) => b.reply.title)).toEqual([
      'Pix',
      'Boleto',
      'Débito automático',
    ]);
    await tapButton('forma:pix', 'Pix');
    const all = await waitSent(4);
    expect(all[2]?.text?.body).toContain('Chave Pix');
    expect(all[3]?.text?.body).toContain('Obrigado, Ana');
    await until('the session to end', async () => (await session()).status === 'ended', 10_000);
    expect(((await session()).state as { variables: Record<string, unknown> }).variables.status_cobranca).toBe(
      'promessa_de_pagamento',
    );
    await noOutsideWindow();
  });

  it('B: "Quero cancelar" → the offer → refused → handoff to the finance team', async () => {
    await waitSent(1);
    await tapTemplate('lembrete:cancelar', 'Quero cancelar');
    const [, offer] = await waitSent(2);
    expect(offer?.interactive?.action.buttons?.map((b) => b.reply.title)).toEqual(['Aceitar proposta', 'Recusar']);
    await tapButton('oferta:recusar', 'Recusar');
    await waitSent(3);
    await until(
      'a handoff',
      async () =>
        Boolean(
          await h.testDb.db.selectFrom('handoffs').select('id').where('contact_id', '=', contactId).executeTakeFirst(),
        ),
      10_000,
    );
    expect(await nodeOf()).toBe('financeiro');
    await noOutsideWindow();
  });

  it('C: no reply → a second template after 2 h → unreachable after 2 h more → the template again 24 h later', async () => {
    await waitSent(1);
    later(hours(2));
    const second = await waitSent(2);
    expect(second[1]?.template?.name).toBe('cobranca_lembrete');
    later(hours(2));
    await until('the 24-hour wait', async () => (await nodeOf()) === 'espera_24h', 10_000);
    const waiting = (await session()).state as { variables: Record<string, unknown> };
    expect(waiting.variables.status_cobranca).toBe('inalcançável');
    expect(sent()).toHaveLength(2);
    later(hours(24));
    const retried = await waitSent(3);
    expect(retried[2]?.template?.name).toBe('cobranca_fatura_atraso');
    await noOutsideWindow();
  });
});
