import { MockTranscriptionModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import type { AiRun } from '../effects.ts';
import { buildFlow } from '../testing/build-flow.ts';
import type { ScriptedAnswer } from '../testing/ports.ts';
import { driver, texts } from '../testing/session-test-kit.ts';
import type { Effect } from '../effects.ts';

const menuOptions = [
  { id: 'buscar', title: 'Buscar imóveis' },
  { id: 'financiar', title: 'Simular financiamento' },
  { id: 'corretor', title: 'Falar com corretor' },
];

const menuFlow = (ai: Record<string, unknown>) =>
  buildFlow(
    [
      { id: 'm', type: 'menu', data: { text: 'Como posso ajudar?', options: menuOptions, retries: 1, ai } },
      { id: 'fin', type: 'message', data: { text: 'Vamos simular!' } },
      { id: 'bus', type: 'message', data: { text: 'Vamos buscar!' } },
      { id: 'bad', type: 'message', data: { text: 'inválido' } },
    ],
    [
      ['m', 'opt-financiar', 'fin'],
      ['m', 'opt-buscar', 'bus'],
      ['m', 'invalid', 'bad'],
    ],
  );

const classified = (option: string, confidence: number): ScriptedAnswer => ({
  text: JSON.stringify({ option, confidence }),
});

const runsOf = (effects: Effect[]): AiRun[] => effects.flatMap((e) => (e.type === 'ai_run' ? [e.run] : []));

const sentence = 'queria ver quanto ficaria a parcela de uma casa de 400 mil';

describe('a menu with "Entender com IA"', () => {
  it('takes the option the model picks at or above the threshold, and records the call with its tokens', async () => {
    const d = driver(menuFlow({ enabled: true, threshold: 0.7 }), { llm: [classified('financiar', 0.7)] });
    await d.send('oi');
    const effects = await d.send(sentence);
    expect(texts(effects)).toEqual(['Vamos simular!']);
    expect(runsOf(effects)).toEqual([
      expect.objectContaining({ nodeId: 'm', outcome: 'classified', inputTokens: 10, outputTokens: 10, error: null }),
    ]);
  });

  it('re-asks below the threshold, and when the model says no option fits', async () => {
    const d = driver(menuFlow({ enabled: true, threshold: 0.8 }), {
      llm: [classified('financiar', 0.6), classified('nenhuma', 0.95)],
    });
    await d.send('oi');
    const unsure = await d.send(sentence);
    expect(texts(unsure)[0]).toContain('Não entendi');
    expect(runsOf(unsure)).toEqual([expect.objectContaining({ outcome: 'unmatched' })]);
    expect(texts(await d.send('bom dia, tudo bem?'))).toEqual(['inválido']);
  });

  it('re-asks on a provider error, without throwing, and records the error', async () => {
    const d = driver(menuFlow({ enabled: true }), { llm: [new Error('503 upstream unavailable')] });
    await d.send('oi');
    const effects = await d.send(sentence);
    expect(texts(effects)[0]).toContain('Não entendi');
    expect(runsOf(effects)).toEqual([
      expect.objectContaining({ outcome: 'error', error: expect.stringContaining('503') }),
    ]);
  });

  it('re-asks when the model answers something that is not one of the options', async () => {
    const d = driver(menuFlow({ enabled: true }), { llm: [classified('vender', 0.99)] });
    await d.send('oi');
    const effects = await d.send(sentence);
    expect(texts(effects)[0]).toContain('Não entendi');
    expect(runsOf(effects)[0]?.outcome).toBe('error');
  });

  it('asks no model when the answer matches, when the block does not use AI, or with no provider', async () => {
    const matched = driver(menuFlow({ enabled: true }), { llm: [] });
    await matched.send('oi');
    const effects = await matched.send('simulação');
    expect(texts(effects)).toEqual(['Vamos simular!']);
    expect(runsOf(effects)).toEqual([]);

    const off = driver(menuFlow({ enabled: false }), { llm: [classified('financiar', 1)] });
    await off.send('oi');
    const offEffects = await off.send(sentence);
    expect(texts(offEffects)[0]).toContain('Não entendi');
    expect(runsOf(offEffects)).toEqual([]);

    const none = driver(menuFlow({ enabled: true }), { llm: null });
    await none.send('oi');
    expect(texts(await none.send(sentence))[0]).toContain('Não entendi');
  });

  it('uses the named provider and model the block picks', async () => {
    const d = driver(menuFlow({ enabled: true, provider: 'openrouter', model: 'small' }), {
      llm: [classified('buscar', 0.9)],
    });
    const asked: unknown[] = [];
    const model = d.ports.llm;
    d.ports.aiModel = async (choice) => {
      asked.push(choice);
      return model;
    };
    await d.send('oi');
    const effects = await d.send('to procurando um ap pra alugar');
    expect(texts(effects)).toEqual(['Vamos buscar!']);
    expect(asked).toEqual([{ provider: 'openrouter', model: 'small' }]);
    expect(runsOf(effects)[0]).toMatchObject({ provider: 'openrouter', model: 'small' });
  });
});

describe('voice notes at a menu and a question', () => {
  const voice = { kind: 'media' as const, media: 'audio' as const, mediaId: 'wamid-audio-1', mimeType: 'audio/ogg' };

  function hearing(d: ReturnType<typeof driver>, heard: string) {
    const calls: { audio: Uint8Array }[] = [];
    const transcription = new MockTranscriptionModelV3({
      modelId: 'whisper-1',
      doGenerate: async (options) => {
        calls.push({ audio: options.audio as Uint8Array });
        return {
          text: heard,
          segments: [],
          language: 'pt',
          durationInSeconds: 2,
          warnings: [],
          response: { timestamp: new Date(0), modelId: 'whisper-1' },
        };
      },
    });
    const files: unknown[] = [];
    d.ports.media = async (ref) => {
      files.push(ref);
      return { bytes: new Uint8Array([79, 103, 103, 83]), mimeType: 'audio/ogg' };
    };
    d.ports.aiMedia = async () => ({ vision: false, transcription });
    return { calls, files };
  }

  it('transcribes a voice note and matches its text like typed text', async () => {
    const d = driver(menuFlow({ enabled: true }), { llm: [] });
    const { calls, files } = hearing(d, 'Quero simular um financiamento.');
    await d.send('oi');
    const effects = await d.content(voice);
    expect(texts(effects)).toEqual(['Vamos simular!']);
    expect(files).toEqual([{ mediaId: 'wamid-audio-1', url: undefined, mimeType: 'audio/ogg' }]);
    expect([...(calls[0]?.audio ?? [])]).toEqual([79, 103, 103, 83]);
    expect(runsOf(effects)).toEqual([expect.objectContaining({ outcome: 'transcribed', model: 'whisper-1' })]);
  });

  it('classifies what a voice note said when its text matches no option', async () => {
    const d = driver(menuFlow({ enabled: true }), { llm: [classified('financiar', 0.9)] });
    hearing(d, sentence);
    await d.send('oi');
    const effects = await d.content(voice);
    expect(texts(effects)).toEqual(['Vamos simular!']);
    expect(runsOf(effects).map((r) => r.outcome)).toEqual(['transcribed', 'classified']);
  });

  it('a voice note stays unreadable without "Entender com IA" or without transcription', async () => {
    const off = driver(menuFlow({ enabled: false }), { llm: [] });
    const { calls } = hearing(off, 'simular');
    await off.send('oi');
    expect(texts(await off.content(voice))).not.toContain('Vamos simular!');
    expect(calls).toEqual([]);

    const deaf = driver(menuFlow({ enabled: true }), { llm: [] });
    hearing(deaf, 'simular');
    deaf.ports.aiMedia = async () => ({ vision: false, transcription: null });
    await deaf.send('oi');
    expect(texts(await deaf.content(voice))).not.toContain('Vamos simular!');
  });

  const askFlow = (kind: string) =>
    buildFlow(
      [
        { id: 'q', type: 'question', data: { text: 'Confirma?', kind, variable: 'resposta', ai: { enabled: true } } },
        { id: 'ok', type: 'message', data: { text: 'Resposta: {{resposta}}' } },
      ],
      [['q', 'next', 'ok']],
    );

  it('a question reads a transcribed voice note as a typed answer (a date, here)', async () => {
    const d = driver(askFlow('date'), { llm: [] });
    hearing(d, '25/12/2026');
    await d.send('oi');
    expect(texts(await d.content(voice))).toEqual(['Resposta: 25/12/2026']);
  });

  it('a yes/no question classifies a sentence the word list does not know', async () => {
    const d = driver(askFlow('yes_no'), { llm: [classified('yes', 0.9)] });
    await d.send('oi');
    expect(texts(await d.send('acho que sim, pode marcar pra mim'))).toEqual(['Resposta: sim']);
    expect(d.session?.variables.resposta).toBe(true);
  });
});
