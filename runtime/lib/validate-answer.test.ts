import { describe, expect, it } from 'vitest';
import type { QuestionKind } from '../../shared/flow/nodes/question.ts';
import { questionKinds } from '../../shared/flow/nodes/question.ts';
import type { InboundContent } from '../events.ts';
import { validateAnswer } from './validate-answer.ts';

const now = new Date('2025-03-12T18:00:00Z'); // Wednesday in São Paulo
const open = { min: null, max: null, futureOnly: false, now };
const text = (t: string): InboundContent => ({ kind: 'text', text: t });
const reply = (title: string): InboundContent => ({ kind: 'reply', id: 'n1:x', title });
const location: InboundContent = { kind: 'location', latitude: -5.8, longitude: -35.2, name: 'Ponta Negra' };
const photo: InboundContent = { kind: 'media', media: 'image', mediaId: 'm1', caption: 'RG' };

describe('validateAnswer — accepted', () => {
  it.each<[QuestionKind, InboundContent, { min: number | null; max: number | null }, unknown]>([
    ['text', text('  Ana Souza  '), { min: null, max: null }, 'Ana Souza'],
    ['text', text('Ana'), { min: 3, max: 3 }, 'Ana'],
    ['text', text('👍👍'), { min: 2, max: 2 }, '👍👍'],
    ['text', text('Ana\u0000\u0007'), { min: null, max: null }, 'Ana'],
    ['text', reply('Apartamento'), { min: null, max: null }, 'Apartamento'],
    ['number', text('R$ 350.000,00'), { min: 1000, max: null }, 350000],
    ['number', text('10'), { min: 10, max: 10 }, 10],
    ['number', reply('3'), { min: null, max: null }, 3],
    ['number', text('dez'), { min: null, max: null }, 10],
    ['email', text(' Ana@Gmail.com '), { min: null, max: null }, 'ana@gmail.com'],
    ['phone', text('(84) 99123-0001'), { min: null, max: null }, '5584991230001'],
    ['cpf', text('52998224725'), { min: null, max: null }, '529.982.247-25'],
    ['cnpj', text('11222333000181'), { min: null, max: null }, '11.222.333/0001-81'],
    ['yes_no', text('Sim!'), { min: null, max: null }, true],
    ['yes_no', reply('Não'), { min: null, max: null }, false],
    ['location', location, { min: null, max: null }, { latitude: -5.8, longitude: -35.2, name: 'Ponta Negra' }],
    ['media', photo, { min: null, max: null }, { media: 'image', mediaId: 'm1', caption: 'RG' }],
  ])('%s %j', (kind, content, bounds, value) => {
    const result = validateAnswer(kind, content, { ...bounds, futureOnly: false, now });
    expect(result).toEqual({ ok: true, value });
  });

  it('gives a date as dd/mm/aaaa with weekday and ISO extras', () => {
    expect(validateAnswer('date', text('15/03/2025'), open)).toEqual({
      ok: true,
      value: '15/03/2025',
      extra: { _weekday: 6, _iso: '2025-03-15' },
    });
    expect(validateAnswer('date', text('amanhã'), open)).toEqual({
      ok: true,
      value: '13/03/2025',
      extra: { _weekday: 4, _iso: '2025-03-13' },
    });
  });

  it('with futureOnly refuses days before today where the contact is, and takes today', () => {
    const future = { ...open, futureOnly: true };
    expect(validateAnswer('date', text('01/01/2020'), future)).toEqual({ ok: false });
    expect(validateAnswer('date', text('11/03/2025'), future)).toEqual({ ok: false });
    expect(validateAnswer('date', text('12/03/2025'), future)).toMatchObject({ ok: true, value: '12/03/2025' });
    expect(validateAnswer('date', text('hoje'), future)).toMatchObject({ ok: true, value: '12/03/2025' });
    // 01:00 UTC on the 13th is still the 12th in São Paulo: the 12th is today there.
    const lateNight = { ...future, now: new Date('2025-03-13T01:00:00Z') };
    expect(validateAnswer('date', text('12/03/2025'), lateNight)).toMatchObject({ ok: true, value: '12/03/2025' });
    // Without the option the past is a valid answer (a birth date).
    expect(validateAnswer('date', text('01/01/2020'), open)).toMatchObject({ ok: true, value: '01/01/2020' });
  });

  it('stores answers that survive a JSON round trip unchanged', () => {
    const result = validateAnswer('media', { kind: 'media', media: 'document', url: 'https://x/y.pdf' }, open);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('validateAnswer — refused', () => {
  it.each<[QuestionKind, InboundContent, { min: number | null; max: number | null }]>([
    ['text', text('   '), { min: null, max: null }],
    ['text', text(''), { min: null, max: null }],
    ['text', text('An'), { min: 3, max: null }],
    ['text', text('Ana Souza'), { min: null, max: 5 }],
    ['text', location, { min: null, max: null }],
    ['number', text('muitos'), { min: null, max: null }],
    ['number', text('onze'), { min: null, max: 10 }],
    ['number', text('5'), { min: 10, max: null }],
    ['number', text('50'), { min: null, max: 10 }],
    ['email', text('ana@gmail'), { min: null, max: null }],
    ['phone', text('991230001'), { min: null, max: null }],
    ['cpf', text('111.111.111-11'), { min: null, max: null }],
    ['cnpj', text('11.222.333/0001-80'), { min: null, max: null }],
    ['date', text('31/02/2025'), { min: null, max: null }],
    ['yes_no', text('talvez'), { min: null, max: null }],
    ['location', text('Rua A, 10'), { min: null, max: null }],
    ['media', text('segue'), { min: null, max: null }],
    ['media', { kind: 'media', media: 'sticker', mediaId: 's' }, { min: null, max: null }],
    ['location', { kind: 'location', latitude: Number.NaN, longitude: 0 }, { min: null, max: null }],
  ])('%s %j', (kind, content, bounds) => {
    expect(validateAnswer(kind, content, { ...bounds, futureOnly: false, now })).toEqual({ ok: false });
  });
});

describe('validateAnswer — never throws', () => {
  const hostile: InboundContent[] = [
    text('x'.repeat(5000)),
    text('🙂'.repeat(5000)),
    text('👍🏽🎉'),
    text('\u0000\u0001\u001f\u007f'),
    text('\u202e\u200d'),
    reply(''),
    { kind: 'unsupported', type: 'poll' },
    { kind: 'reaction', emoji: '👍', messageId: 'w1' },
    { kind: 'contacts', contacts: [] },
    { kind: 'order', items: [] },
    location,
    photo,
  ];
  it.each(questionKinds.map((k) => [k]))('%s', (kind) => {
    for (const content of hostile) {
      const result = validateAnswer(kind, content, { min: 1, max: 100, futureOnly: false, now });
      expect(typeof result.ok).toBe('boolean');
    }
  });

  it('accepts 5,000 characters of text when unbounded and refuses it over max', () => {
    expect(validateAnswer('text', text('x'.repeat(5000)), open)).toEqual({ ok: true, value: 'x'.repeat(5000) });
    expect(validateAnswer('text', text('x'.repeat(5000)), { min: null, max: 4999, futureOnly: false, now })).toEqual({
      ok: false,
    });
  });

  it('refuses control characters only', () => {
    expect(validateAnswer('text', text('\u0000\u0001'), open)).toEqual({ ok: false });
  });
});
