import { describe, expect, it } from 'vitest';
import { formatWhatsApp, toBotMessage } from './messages.ts';

describe('toBotMessage', () => {
  it('keeps text, media, buttons with their header, lists and templates as the server sends them', () => {
    expect(toBotMessage({ kind: 'text', text: 'Oi' })).toEqual({ kind: 'text', text: 'Oi' });
    expect(toBotMessage({ kind: 'media', media: 'image', url: 'https://x/y.png', caption: 'Casa' })).toEqual({
      kind: 'media',
      media: 'image',
      url: 'https://x/y.png',
      caption: 'Casa',
    });
    const buttons = {
      kind: 'buttons',
      body: 'Escolha',
      header: { kind: 'image', url: 'https://x/h.png' },
      footer: 'Rodapé',
      buttons: [{ id: 'a', title: 'Comprar' }],
    };
    expect(toBotMessage(buttons)).toEqual(buttons);
    const list = {
      kind: 'list',
      body: 'Lista',
      header: 'Topo',
      buttonLabel: 'Ver',
      sections: [{ title: 'S', rows: [{ id: 'r1', title: 'Um', description: 'd' }] }],
    };
    expect(toBotMessage(list)).toEqual(list);
    const template = { kind: 'template', name: 'promo', language: 'pt_BR', parameters: ['Ana'] };
    expect(toBotMessage(template)).toEqual(template);
  });

  it('shows what does not fit the message contract as JSON instead of dropping it', () => {
    expect(toBotMessage({ kind: 'template', name: 'promo' })).toEqual({
      kind: 'unknown',
      json: '{"kind":"template","name":"promo"}',
    });
    expect(toBotMessage({ kind: 'media', media: 'sticker', url: 'x' }).kind).toBe('unknown');
    expect(toBotMessage({ kind: 'buttons', body: 'Escolha', buttons: [{ bad: true }] }).kind).toBe('unknown');
  });
});

describe('formatWhatsApp', () => {
  it('splits WhatsApp markup into styled parts', () => {
    expect(formatWhatsApp('Olá *Ana*, veja _isto_ e ~aquilo~!')).toEqual([
      { text: 'Olá ' },
      { text: 'Ana', bold: true },
      { text: ', veja ' },
      { text: 'isto', italic: true },
      { text: ' e ' },
      { text: 'aquilo', strike: true },
      { text: '!' },
    ]);
  });

  it('leaves unmatched markers alone', () => {
    expect(formatWhatsApp('2 * 3 = 6')).toEqual([{ text: '2 * 3 = 6' }]);
  });
});
