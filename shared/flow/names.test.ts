import { describe, expect, it } from 'vitest';
import { blockWords, outputLabel } from './names.ts';
import { buildFlow, edge, node } from './testing/build-flow.ts';
import { validateFlow } from './validate/index.ts';

describe('blockWords', () => {
  it.each([
    ['a message by its text', { text: 'Olá!\n  Seja bem-vindo' }, 'Olá! Seja bem-vindo'],
    [
      'a handoff by what it tells the contact',
      { team: 'vendas', message: 'Já te passo para alguém' },
      'Já te passo para alguém',
    ],
    [
      'a message with only media by its caption',
      { text: '', media: { kind: 'image', url: 'https://x.test/a.png', caption: 'Planta baixa' } },
      'Planta baixa',
    ],
    [
      'a condition by the first words it holds',
      { rules: [{ id: 'r1', variable: 'cidade', operator: 'equals', value: 'Natal' }] },
      'Natal',
    ],
    [
      'a long text, clipped',
      { text: 'Qual é o valor aproximado do imóvel que você procura?' },
      'Qual é o valor aproximado do imóvel que…',
    ],
  ])('names %s', (_, data, expected) => {
    expect(blockWords(data)).toBe(expected);
  });

  it.each([
    ['a start, whose keywords are not its name', { keywords: ['oi', 'menu'] }],
    ['an empty message', { text: '   ', media: null }],
    ['a wait of numbers only', { durationMinutes: 60 }],
    ['something that is not data at all', 42],
  ])('has no words for %s', (_, data) => {
    expect(blockWords(data)).toBeNull();
  });
});

describe('outputLabel', () => {
  const menu = { type: 'menu', data: { text: 'Oi', options: [{ id: 'a', title: 'Ver produtos' }] } };
  const condition = { type: 'condition', data: { rules: [{ id: 'x' }, { id: 'y' }] } };

  it.each([
    [menu, 'opt-a', 'pt-BR', 'Ver produtos'],
    [menu, 'timeout', 'pt-BR', 'Sem resposta'],
    [menu, 'invalid', 'en', 'Invalid answer'],
    [condition, 'rule-y', 'pt-BR', 'Regra 2'],
    [condition, 'else', 'en', 'Else'],
    [{ type: 'message', data: {} }, 'next', 'pt-BR', 'Próximo'],
    [{ type: 'message', data: {} }, 'somethingNew', 'en', 'somethingNew'],
  ] as const)('%#: %s output %s in %s is "%s"', (n, handle, locale, expected) => {
    expect(outputLabel(n, handle, locale)).toBe(expected);
  });
});

describe('problem texts name blocks as people see them', () => {
  // Ids as the studio generates them: the texts must never make the user read these.
  const flow = buildFlow(
    [
      node('k3v9x1', 'start', {}),
      node('nycmrsbcd', 'message', { text: 'Olá, bem-vindo à imobiliária!' }),
      node('qz81lm0aa', 'menu', {
        text: 'Como posso ajudar?',
        options: [
          { id: 'p1', title: 'Comprar' },
          { id: 'p2', title: 'Alugar' },
        ],
      }),
      node('w7de2fgh', 'message', { text: '' }),
      node('nre8r2czh', 'end', {}),
    ],
    [
      edge('k3v9x1 > nycmrsbcd', 'e4hs8d2k'),
      edge('qz81lm0aa.opt-p1 > nre8r2czh', 'e0pq7zz1'),
      edge('qz81lm0aa.opt-p1 > nre8r2czh', 'e5mn3bb6'),
    ],
  );
  const problems = validateFlow(flow).problems;
  const ids = /k3v9x1|nycmrsbcd|qz81lm0aa|w7de2fgh|nre8r2czh|e4hs8d2k|e0pq7zz1|e5mn3bb6|opt-p|\bnext\b/;

  it("uses the block's words and the output's label, never an id, in both languages", () => {
    expect(problems.length).toBeGreaterThan(3);
    for (const p of problems) {
      expect(p.messages['pt-BR'], p.code).not.toMatch(ids);
      expect(p.messages.en, p.code).not.toMatch(ids);
    }
    const texts = problems.map((p) => p.message);
    expect(texts).toContain(
      'A mensagem "Olá, bem-vindo à imobiliária!": a saída "Próximo" não está ligada a nenhum bloco.',
    );
    expect(texts).toContain('O menu "Como posso ajudar?": a saída "Alugar" não está ligada a nenhum bloco.');
    expect(texts).toContain(
      'O menu "Como posso ajudar?": a saída "Comprar" está ligada a mais de um bloco; cada saída segue para um só.',
    );
    // A block that says nothing is named by its kind alone.
    expect(texts).toContain('A mensagem não tem texto nem mídia.');
    expect(
      problems.find((p) => p.code === 'output_unconnected' && p.nodeId === 'qz81lm0aa' && p.field === 'opt-p2')
        ?.messages.en,
    ).toBe('The menu "Como posso ajudar?": the "Alugar" output is not connected to any block.');
  });

  it("still gives clients the ids in the problem's place and params", () => {
    const unconnected = problems.find((p) => p.code === 'output_unconnected' && p.nodeId === 'nycmrsbcd');
    expect(unconnected).toMatchObject({
      field: 'next',
      params: { node: 'nycmrsbcd', nodeType: 'message', nodeName: 'Olá, bem-vindo à imobiliária!' },
    });
  });
});
