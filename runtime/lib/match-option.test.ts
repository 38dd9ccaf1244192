import { describe, expect, it } from 'vitest';
import { matchByNameWords, matchOption } from './match-option.ts';

const menu = [
  { id: 'buscar', title: 'Buscar imóveis' },
  { id: 'avaliar', title: 'Avaliar meu imóvel' },
  { id: 'financiar', title: 'Simular Financiamento' },
  { id: 'ok', title: '👍' },
];

describe('matchOption', () => {
  it.each([
    ['1', 'buscar'],
    [' 2 ', 'avaliar'],
    ['2.', 'avaliar'],
    ['2)', 'avaliar'],
    ['#3', 'financiar'],
    ['opção 2', 'avaliar'],
    ['Opcao 3', 'financiar'],
    ['simular financiamento', 'financiar'],
    ['SIMULAR FINANCIAMENTO', 'financiar'],
    ['Simular Financiamento!!', 'financiar'],
    ['🏠 buscar imoveis', 'buscar'],
    ['buscar   imóveis 🙂', 'buscar'],
    ['3 - Simular financiamento', 'financiar'],
    ['4', 'ok'],
    ['👍', 'ok'],
    // The whole title inside a sentence, no other option mentioned.
    ['quero simular um financiamento', 'financiar'],
    ['Quero buscar imóveis, por favor', 'buscar'],
    // Words only one option has, loosely spelled: accents, other forms of the word, typos.
    ['simulacao', 'financiar'],
    ['Simulação!', 'financiar'],
    ['simular', 'financiar'],
    ['quero simular', 'financiar'],
    ['SIMULAÇÃO DE FINANCIAMENTO', 'financiar'],
    ['financiamneto', 'financiar'],
    ['simular finamciamento', 'financiar'],
    ['buscr imoveis', 'buscar'],
    ['quero uma avaliação', 'avaliar'],
    ['avalir', 'avaliar'],
  ])('%j → %s', (input, expected) => {
    expect(matchOption(input, menu)).toBe(expected);
  });

  it.each([
    ['0'],
    ['5'],
    ['99'],
    [''],
    ['   '],
    ['buscar imóveis e avaliar'],
    // "imóvel" is in two options; "meu" in one, but it says nothing.
    ['imovel'],
    ['meu imóvel'],
    ['quero ver meu nome'],
    ['não quero simular'],
    // Words merely alike are other words.
    ['bosta'],
    ['simples'],
    ['quero avaliar e simular um financiamento'],
    ['não quero simular financiamento'],
    ['1 - Simular financiamento'],
    ['🙂'],
    ['x'.repeat(5000)],
    ['\u0000\u0007'],
  ])('%j → null', (input) => {
    expect(matchOption(input, menu)).toBeNull();
  });

  it('is null when two options share a title', () => {
    const twins = [
      { id: 'a', title: 'Sim' },
      { id: 'b', title: 'sim!' },
    ];
    expect(matchOption('sim', twins)).toBeNull();
  });

  it('is null when a typed number is another option title', () => {
    const numeric = [
      { id: 'a', title: '2' },
      { id: 'b', title: '1' },
    ];
    expect(matchOption('1', numeric)).toBeNull();
  });

  it('matches a number that is its own option title', () => {
    const quantities = [
      { id: 'q1', title: '1' },
      { id: 'q2', title: '2' },
    ];
    expect(matchOption('2', quantities)).toBe('q2');
  });

  it('matches a synonym, exactly or inside a sentence, and a typo of it', () => {
    const withSynonyms = [
      { id: 'fin', title: 'Simular financiamento', synonyms: ['parcelas', 'crédito imobiliário'] },
      { id: 'cor', title: 'Falar com corretor', synonyms: ['atendente', 'humano'] },
    ];
    expect(matchOption('Parcelas', withSynonyms)).toBe('fin');
    expect(matchOption('quanto ficam as parcelas?', withSynonyms)).toBe('fin');
    expect(matchOption('credito imobiliario', withSynonyms)).toBe('fin');
    expect(matchOption('quero um atendemte', withSynonyms)).toBe('cor');
    expect(matchOption('humano', withSynonyms)).toBe('cor');
    expect(matchOption('parcelas ou atendente', withSynonyms)).toBeNull();
  });

  it('is null when a synonym of one option is the title of another', () => {
    const clash = [
      { id: 'a', title: 'Suporte', synonyms: ['vendas'] },
      { id: 'b', title: 'Vendas' },
    ];
    expect(matchOption('vendas', clash)).toBeNull();
    expect(matchOption('suporte', clash)).toBe('a');
  });

  it('reads numbers in words exactly, and leaves loose words out when asked', () => {
    const times = [
      { id: 'a', title: '09h' },
      { id: 'b', title: '16h30' },
    ];
    expect(matchOption('10h30', times)).toBeNull();
    expect(matchOption('simulacao', menu, { loose: false })).toBeNull();
    expect(matchOption('Simular financiamento', menu, { loose: false })).toBe('financiar');
  });

  it('is null with no options', () => {
    expect(matchOption('1', [])).toBeNull();
  });
});

describe('matchByNameWords', () => {
  const pizzas = [
    { id: 'cal', title: 'Pizza Calabresa' },
    { id: 'mar', title: 'Pizza Margherita' },
    { id: 'por', title: 'Pizza Portuguesa' },
    { id: 'ref', title: 'Refrigerante 2L' },
  ];
  const kinds = [
    { id: 'ap', title: 'Apartamentos' },
    { id: 'ca', title: 'Casas' },
  ];

  it.each([
    ['calabresa', pizzas, 'cal'],
    ['Calabresa!', pizzas, 'cal'],
    ['quero a calabresa', pizzas, 'cal'],
    ['pizza de calabresa', pizzas, 'cal'],
    ['um refrigerante', pizzas, 'ref'],
    ['procuro um apartamento', kinds, 'ap'],
    ['casa', kinds, 'ca'],
  ])('%j → %s', (input, options, expected) => {
    expect(matchByNameWords(input, options)).toBe(expected);
  });

  it.each([
    ['pizza', pizzas],
    ['calabresa ou margherita', pizzas],
    ['sorvete', pizzas],
    ['2l', pizzas],
    ['', pizzas],
    ['apartamento ou casa', kinds],
  ])('%j → null', (input, options) => {
    expect(matchByNameWords(input, options)).toBeNull();
  });
});
