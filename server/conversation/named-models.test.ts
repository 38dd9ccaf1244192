import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFlow } from '../../runtime/testing/build-flow.ts';
import { driver, texts } from '../../runtime/testing/session-test-kit.ts';
import { createSecretBox } from '../auth/secret-box.ts';
import { readConfig } from '../env.ts';
import { startFakeAgentLlmApi, type FakeAgentLlm } from '../testing/fake-agent-llm-api.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { createNamedModels } from './named-models.ts';

const flow = (provider: string, model: string) =>
  buildFlow(
    [
      { id: 'ai', type: 'agent', data: { instructions: 'Oi', provider, model } },
      { id: 'err', type: 'message', data: { text: 'erro {{ai_error}}' } },
    ],
    [['ai', 'error', 'err']],
  );

describe('agent blocks pick a named provider and model', () => {
  let db: TestDb;
  let fake: FakeAgentLlm;
  const secrets = createSecretBox('named-models-secret-key-named-models');

  beforeAll(async () => {
    db = await createTestDb();
    fake = await startFakeAgentLlmApi([{ text: 'resposta do Groq' }]);
    await db.db
      .insertInto('ai_providers')
      .values({ id: 'p1', name: 'Groq', base_url: fake.url, api_key_enc: secrets.seal('sk-groq'), model: 'llama' })
      .execute();
  });
  afterAll(async () => {
    await fake.close();
    await db.close();
  });

  it("uses the named provider with the block's model, and errors when the name is unknown", async () => {
    const aiModel = createNamedModels(db.db, secrets, readConfig({ DATA_DIR: '/nonexistent' }));
    const d = driver(flow('Groq', 'llama-70b'), { llm: null });
    d.ports.aiModel = aiModel;
    expect(texts(await d.send('oi'))).toEqual(['resposta do Groq']);
    expect(fake.requests[0]?.model).toBe('llama-70b');

    const unknown = driver(flow('Sumiu', ''), { llm: null });
    unknown.ports.aiModel = aiModel;
    expect(texts(await unknown.send('oi'))).toEqual(['erro no_provider']);
  });
});
