import { describe, expect, it } from 'vitest';
import { formatWhatsApp, toBotMessage } from './messages.ts';

describe('toBotMessage', () => {
  it('keeps text, media, buttons and lists', () => {
    expect(toBotMessage({ kind: 'text', text: 'Oi' })).toEqual({ kind: 'text', text: 'Oi' });
    expect(toBotMessage({ kind: 'media', media: 'image', url: 'https://x/y.png', caption: 'Casa' }))
      .toMatchObject({ kind: 'media', media: 'image', url: 'https://x/y.png', caption: 'Casa' });
    expect(toBotMessage({
      kind: 'buttons', body: 'Escolha', header: { kind: 'text', text: 'Topo' },
      buttons: [{ id: 'a', title: 'Comprar' }, { bad: true }],
    })).toEqual({ kind: 'buttons', body: 'Escolha', header: 'Topo', headerImage: undefined, footer: undefined, buttons: [{ id: 'a', title: 'Comprar' }] });
    const list = toBotMessage({
      kind: 'list', body: 'Lista', buttonLabel: 'Ver', sections: [{ title: 'S', rows: [{ id: 'r1', title: 'Um', description: 'd' }] }],
    });
    expect(list).toMatchObject({ kind: 'list', buttonLabel: 'Ver', sections: [{ title: 'S', rows: [{ id: 'r1', title: 'Um', description: 'd' }] }] });
  });

  it('shows what it does not know as JSON instead of dropping it', () => {
    expect(toBotMessage({ kind: 'template', name: 'promo' })).toEqual({ kind: 'unknown', json: '{"kind":"template","name":"promo"}' });
    expect(toBotMessage({ kind: 'media', media: 'sticker', url: 'x' }).kind).toBe('unknown');
  });
});

describe('formatWhatsApp', () => {
  it('splits WhatsApp markup into styled parts', () => {
    expect(formatWhatsApp('Olá *Ana*, veja _isto_ e ~aquilo~!')).toEqual([
      { text: 'Olá ' }, { text: 'Ana', bold: true }, { text: ', veja ' }, { text: 'isto', italic: true },
      { text: ' e ' }, { text: 'aquilo', strike: true }, { text: '!' },
    ]);
  });

  it('leaves unmatched markers alone', () => {
    expect(formatWhatsApp('2 * 3 = 6')).toEqual([{ text: '2 * 3 = 6' }]);
  });
});
