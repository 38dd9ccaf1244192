import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { startFakeAgentLlmApi, type FakeAgentLlm } from '../testing/fake-agent-llm-api.ts';
import { accessToken, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { metaFixtureBytes } from '../testing/meta-fixtures.ts';

const at = (id: string, y: number) => ({ id, position: { x: 0, y } });

/** A menu that understands voice notes, and an agent that looks at pictures, both through "Voz". */
const flow: FlowDocumentInput = {
  name: 'Imóveis por voz',
  nodes: [
    { ...at('start', 0), type: 'start', data: {} },
    {
      ...at('menu', 150),
      type: 'menu',
      data: {
        text: 'Como posso ajudar?',
        options: [
          { id: 'financiar', title: 'Financiamento' },
          { id: 'avaliar', title: 'Avaliar imóvel' },
        ],
        ai: { enabled: true, provider: 'Voz' },
      },
    },
    { ...at('simular', 300), type: 'message', data: { text: 'Vamos simular seu financiamento!' } },
    {
      ...at('avaliador', 300),
      type: 'agent',
      data: { instructions: 'Você avalia imóveis por fotos.', provider: 'Voz', allowImages: true },
    },
    { ...at('fim', 450), type: 'end', data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' },
    { id: 'e2', source: 'menu', sourceHandle: 'opt-financiar', target: 'simular' },
    { id: 'e3', source: 'menu', sourceHandle: 'opt-avaliar', target: 'avaliador' },
    { id: 'e4', source: 'simular', sourceHandle: 'next', target: 'fim' },
    { id: 'e5', source: 'avaliador', sourceHandle: 'done', target: 'fim' },
    { id: 'e6', source: 'avaliador', sourceHandle: 'escalate', target: 'fim' },
    { id: 'e7', source: 'avaliador', sourceHandle: 'error', target: 'fim' },
    { id: 'e8', source: 'menu', sourceHandle: 'invalid', target: 'fim' },
  ],
};

type Webhook = {
  entry: { changes: { value: { messages: Record<string, unknown>[]; contacts: { wa_id: string }[] } }[] }[];
};

/** A fixture's webhook as Meta would send it now (the 24-hour window counts from its timestamp). */
function fixtureNow(name: string, secondsAgo: number): Webhook {
  const body = JSON.parse(metaFixtureBytes(name).toString('utf8')) as Webhook;
  const message = body.entry[0]!.changes[0]!.value.messages[0]!;
  message.timestamp = String(Math.floor(Date.now() / 1000) - secondsAgo);
  return body;
}

/** The same contact typing `text`, `secondsBefore` the fixture's own message. */
function typed(from: Webhook, text: string, id: string, secondsBefore = 5): Webhook {
  const copy = structuredClone(from);
  const value = copy.entry[0]!.changes[0]!.value;
  const original = value.messages[0]!;
  value.messages = [
    {
      from: original.from,
      id,
      timestamp: String(Number(original.timestamp) - secondsBefore),
      type: 'text',
      text: { body: text },
    },
  ];
  return copy;
}

// Graph gets the number with its `+`.
const sentTo = (h: MessagingHarness, waId: string) =>
  h.fake.sent().filter((r) => (r.body as { to?: string }).to === `+${waId}`);
const textOf = (body: unknown) => JSON.stringify(body);

describe('voice notes and pictures from the webhook, through Graph, to the AI provider and back', () => {
  let h: MessagingHarness;
  let llm: FakeAgentLlm;
  const oggBytes = new Uint8Array([79, 103, 103, 83, 0, 2, 0, 0, 1, 2, 3]);
  const jpegBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);

  beforeAll(async () => {
    llm = await startFakeAgentLlmApi(
      [{ text: 'Olá! Mande fotos do imóvel.' }, { text: 'Bela sala! Vale uns R$ 400 mil.' }],
      {
        transcription: 'quero simular um financiamento',
      },
    );
    h = await startMessagingHarness({ flow });
    await h.testDb.db
      .insertInto('ai_providers')
      .values({
        id: 'voz',
        name: 'Voz',
        base_url: llm.url,
        api_key_enc: h.secrets.seal('sk-voz'),
        model: 'llava',
        vision: true,
        transcription_model: 'whisper-1',
      })
      .execute();
    h.fake.addMedia('1200000000000002', oggBytes, 'audio/ogg');
    h.fake.addMedia('1200000000000001', jpegBytes, 'image/jpeg');
  });
  afterAll(async () => {
    await h?.close();
    await llm.close();
  });

  it('transcribes a voice note fetched from Graph and answers the option it named', async () => {
    const voice = fixtureNow('audio-voice.json', 0);
    const waId = voice.entry[0]!.changes[0]!.value.contacts[0]!.wa_id;
    expect((await h.postJson(typed(voice, 'oi', 'wamid.voz-oi'))).status).toBe(200);
    await expect.poll(() => sentTo(h, waId).length, { timeout: 10_000 }).toBe(1);
    expect(textOf(sentTo(h, waId)[0]!.body)).toContain('Como posso ajudar?');

    expect((await h.postJson(voice)).status).toBe(200);
    await expect.poll(() => sentTo(h, waId).length, { timeout: 10_000 }).toBe(2);
    expect(textOf(sentTo(h, waId)[1]!.body)).toContain('Vamos simular seu financiamento!');
    // The file came from Graph with the channel's token, and went to the provider with its key.
    const graphCalls = h.fake.requests.filter((r) => r.kind === 'media' || r.kind === 'download');
    expect(graphCalls.some((r) => r.kind === 'media' && r.path.endsWith('/1200000000000002'))).toBe(true);
    expect(graphCalls.some((r) => r.kind === 'download')).toBe(true);
    expect(graphCalls.every((r) => r.token === accessToken)).toBe(true);
    expect(llm.transcriptions).toEqual([
      expect.objectContaining({ model: 'whisper-1', fileBytes: [...oggBytes], authorization: 'Bearer sk-voz' }),
    ]);
    const runs = await h.testDb.db.selectFrom('ai_runs').select(['outcome', 'provider']).execute();
    expect(runs).toContainEqual({ outcome: 'transcribed', provider: 'Voz' });
  });

  it('shows a picture fetched from Graph to a vision model and sends its answer', async () => {
    const picture = fixtureNow('image.json', 0);
    const waId = picture.entry[0]!.changes[0]!.value.contacts[0]!.wa_id;
    expect((await h.postJson(typed(picture, 'oi', 'wamid.foto-oi', 10))).status).toBe(200);
    await expect.poll(() => sentTo(h, waId).length, { timeout: 10_000 }).toBe(1);
    expect((await h.postJson(typed(picture, 'Avaliar imóvel', 'wamid.foto-avaliar'))).status).toBe(200);
    await expect.poll(() => sentTo(h, waId).length, { timeout: 10_000 }).toBe(2);
    expect(textOf(sentTo(h, waId)[1]!.body)).toContain('Olá! Mande fotos do imóvel.');

    expect((await h.postJson(picture)).status).toBe(200);
    await expect.poll(() => sentTo(h, waId).length, { timeout: 10_000 }).toBe(3);
    expect(textOf(sentTo(h, waId)[2]!.body)).toContain('Bela sala! Vale uns R$ 400 mil.');
    const parts = llm.requests.at(-1)?.messages.at(-1)?.content as { type: string; image_url?: { url: string } }[];
    expect(parts.find((p) => p.type === 'image_url')?.image_url?.url).toBe(
      `data:image/jpeg;base64,${Buffer.from(jpegBytes).toString('base64')}`,
    );
  });
});
