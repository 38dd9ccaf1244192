import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFlow } from '../../runtime/testing/build-flow.ts';
import { driver, texts } from '../../runtime/testing/session-test-kit.ts';
import { createSecretBox } from '../auth/secret-box.ts';
import { readConfig } from '../env.ts';
import { startFakeAgentLlmApi, type FakeAgentLlm } from '../testing/fake-agent-llm-api.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { createAiMedia } from './ai-media.ts';
import { createNamedModels } from './named-models.ts';

const oggBytes = [79, 103, 103, 83, 0, 2];
const jpegBytes = [0xff, 0xd8, 0xff, 0xe0, 1, 2, 3];

const menuFlow = buildFlow(
  [
    {
      id: 'm',
      type: 'menu',
      data: {
        text: 'Como posso ajudar?',
        options: [
          { id: 'buscar', title: 'Buscar imóveis' },
          { id: 'financiar', title: 'Simular financiamento' },
        ],
        ai: { enabled: true, provider: 'Groq' },
      },
    },
    { id: 'fin', type: 'message', data: { text: 'Vamos simular!' } },
  ],
  [['m', 'opt-financiar', 'fin']],
);

const agentFlow = buildFlow(
  [{ id: 'ai', type: 'agent', data: { instructions: 'Você avalia imóveis.', provider: 'Groq', allowImages: true } }],
  [],
);

describe('pictures and voice notes through an OpenAI-compatible provider', () => {
  let db: TestDb;
  let fake: FakeAgentLlm;
  const secrets = createSecretBox('ai-media-secret-key-ai-media-secret');

  beforeAll(async () => {
    db = await createTestDb();
    fake = await startFakeAgentLlmApi([{ text: 'Olá! Mande fotos.' }, { text: 'Bela sala! Vale uns R$ 400 mil.' }], {
      transcription: 'quero simular um financiamento',
    });
    await db.db
      .insertInto('ai_providers')
      .values([
        {
          id: 'p1',
          name: 'Groq',
          base_url: fake.url,
          api_key_enc: secrets.seal('sk-groq'),
          model: 'llava',
          vision: true,
          transcription_model: 'whisper-1',
        },
        { id: 'p2', name: 'Texto', base_url: fake.url, api_key_enc: null, model: 'small' },
      ])
      .execute();
  });
  afterAll(async () => {
    await fake.close();
    await db.close();
  });

  const withPorts = (d: ReturnType<typeof driver>) => {
    d.ports.aiModel = createNamedModels(db.db, secrets, readConfig({ DATA_DIR: '/nonexistent' }));
    d.ports.aiMedia = createAiMedia(db.db, secrets);
    d.ports.media = async (ref) =>
      ref.mediaId === 'audio-1'
        ? { bytes: new Uint8Array(oggBytes), mimeType: 'audio/ogg' }
        : { bytes: new Uint8Array(jpegBytes), mimeType: 'image/jpeg' };
    return d;
  };

  it('transcribes a voice note at a menu through /audio/transcriptions (multipart) and follows what it said', async () => {
    const d = withPorts(driver(menuFlow, { llm: null }));
    await d.send('oi');
    const effects = await d.content({ kind: 'media', media: 'audio', mediaId: 'audio-1', mimeType: 'audio/ogg' });
    expect(texts(effects)).toEqual(['Vamos simular!']);
    expect(fake.transcriptions).toEqual([
      expect.objectContaining({ model: 'whisper-1', fileBytes: oggBytes, authorization: 'Bearer sk-groq' }),
    ]);
  });

  it('sends a picture to a vision provider as an image content part', async () => {
    const d = withPorts(driver(agentFlow, { llm: null }));
    expect(texts(await d.send('oi'))).toEqual(['Olá! Mande fotos.']);
    const effects = await d.content({ kind: 'media', media: 'image', mediaId: 'img-1', caption: 'quanto vale?' });
    expect(texts(effects)).toEqual(['Bela sala! Vale uns R$ 400 mil.']);
    const user = fake.requests[1]?.messages.at(-1);
    expect(user?.role).toBe('user');
    const parts = user?.content as { type: string; text?: string; image_url?: { url: string } }[];
    expect(parts[0]).toEqual({ type: 'text', text: '[image] quanto vale?' });
    expect(parts[1]?.type).toBe('image_url');
    expect(parts[1]?.image_url?.url).toBe(`data:image/jpeg;base64,${Buffer.from(jpegBytes).toString('base64')}`);
  });

  it('a provider without vision or transcription gets neither', async () => {
    const support = await createAiMedia(db.db, secrets)('Texto');
    expect(support).toEqual({ vision: false, transcription: null });
    expect(await createAiMedia(db.db, secrets)('Sumiu')).toEqual({ vision: false, transcription: null });
  });
});
