import { describe, expect, it } from 'vitest';
import { MockLanguageModelV3 } from 'ai/test';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, texts } from '../testing/session-test-kit.ts';
import { scriptedLlm, type ScriptedLlmAnswer } from '../testing/ports.ts';

const flow = (data: Record<string, unknown> = {}) =>
  buildFlow(
    [
      {
        id: 'ai',
        type: 'llm',
        data: {
          systemPrompt: 'Você atende {{contact.name}}.',
          variables: [{ name: 'bairro', description: 'bairro desejado' }],
          maxTurns: 3,
          ...data,
        },
      },
      { id: 'next', type: 'message', data: { text: 'fim da conversa' } },
      { id: 'esc', type: 'message', data: { text: 'chamando humano' } },
      { id: 'err', type: 'message', data: { text: 'erro' } },
    ],
    [
      ['ai', 'next', 'next'],
      ['ai', 'escalate', 'esc'],
      ['ai', 'error', 'err'],
    ],
  );

const answer = (a: Partial<ScriptedLlmAnswer>): ScriptedLlmAnswer => ({
  reply: 'ok',
  score: 0.1,
  route: 'continue',
  variables: {},
  ...a,
});

describe('llm', () => {
  it('replies, stores the score and only declared variables, and keeps the conversation going', async () => {
    const d = driver(flow(), {
      llm: [answer({ reply: 'Olá! Qual bairro?', score: 0.3, variables: { bairro: 'Ponta Negra', senha: 'x' } })],
    });
    expect(texts(await d.send('oi'))).toEqual(['Olá! Qual bairro?']);
    expect(d.session?.variables).toMatchObject({ score: 0.3, bairro: 'Ponta Negra' });
    expect(d.session?.variables.senha).toBeUndefined();
    expect(d.session?.awaiting).toMatchObject({ kind: 'conversation', state: { turns: 1 } });
  });

  it('sends the rendered system prompt and the history', async () => {
    const d = driver(flow(), { llm: [answer({ reply: 'Oi' }), answer({ reply: 'Certo' })] });
    await d.send('oi');
    await d.send('quero um apê');
    const model = d.ports.llm as MockLanguageModelV3;
    const prompt = model.doGenerateCalls[1]?.prompt ?? [];
    expect(JSON.stringify(prompt[0])).toContain('Você atende Ana Souza.');
    expect(prompt.slice(1).map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  });

  it.each([
    ['route escalate', answer({ route: 'escalate' }), 'chamando humano'],
    ['score at the threshold', answer({ score: 0.8 }), 'chamando humano'],
    ['route done', answer({ route: 'done' }), 'fim da conversa'],
  ])('leaves on %s', async (_why, a, expected) => {
    const d = driver(flow(), { llm: [a] });
    expect(texts(await d.send('oi'))).toEqual(['ok', expected]);
  });

  it('moves on through next after maxTurns', async () => {
    const d = driver(flow({ maxTurns: 2 }), { llm: [answer({}), answer({})] });
    await d.send('oi');
    expect(texts(await d.send('e aí'))).toEqual(['ok', 'fim da conversa']);
  });

  it('keeps talking with no max turns (the default): only the model or the contact ends it', async () => {
    const d = driver(flow({ maxTurns: undefined }), { llm: Array.from({ length: 12 }, () => answer({})) });
    for (let i = 0; i < 12; i++) expect(texts(await d.send(`msg ${i}`))).toEqual(['ok']);
    expect(d.session?.awaiting).toMatchObject({ kind: 'conversation', state: { turns: 12 } });
  });

  it.each([
    ['a provider error', { llm: [new Error('503')] }],
    ['no configured model', { llm: null }],
    ['an answer outside the schema', { llm: [answer({ score: 7 })] }],
  ])('takes error on %s', async (_why, options) => {
    const d = driver(flow(), options);
    expect(texts(await d.send('oi'))).toEqual(['erro']);
  });

  it('takes error when the model exceeds timeoutMs', async () => {
    const d = driver(flow({ timeoutMs: 1000 }));
    d.ports.llm = new MockLanguageModelV3({
      doGenerate: ({ abortSignal }) =>
        new Promise((_resolve, reject) => {
          abortSignal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    expect(texts(await d.send('oi'))).toEqual(['erro']);
  });

  it('asks the named provider it picks, with its model; a provider that is not configured takes error', async () => {
    const d = driver(flow({ provider: 'Groq', model: 'llama' }), { llm: [] });
    const groq = scriptedLlm([answer({ reply: 'Sou o Groq.' })]);
    const asked: { provider: string; model: string }[] = [];
    d.ports.aiModel = async (choice) => {
      asked.push(choice);
      return choice.provider === 'Groq' ? groq : null;
    };
    expect(texts(await d.send('oi'))).toEqual(['Sou o Groq.']);
    expect(asked).toEqual([{ provider: 'Groq', model: 'llama' }]);
    expect(groq.doGenerateCalls).toHaveLength(1);

    const gone = driver(flow({ provider: 'Apagado' }), { llm: [answer({ reply: 'padrão' })] });
    gone.ports.aiModel = async () => null;
    expect(texts(await gone.send('oi'))).toEqual(['erro']);
  });
});
