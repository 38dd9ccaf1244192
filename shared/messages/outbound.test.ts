import { describe, expect, it } from 'vitest';
import { outboundMessage, textOf, type OutboundMessage } from './outbound.ts';

describe('textOf', () => {
  it('reads the words a person sees in each kind of message', () => {
    const cases: [OutboundMessage, string | null][] = [
      [{ kind: 'text', text: 'Olá, Ana!' }, 'Olá, Ana!'],
      [{ kind: 'media', media: 'image', url: 'https://x/casa.jpg', caption: 'Sala ampla' }, 'Sala ampla'],
      [{ kind: 'media', media: 'document', url: 'https://x/boleto.pdf', filename: 'boleto.pdf' }, null],
      [
        {
          kind: 'buttons',
          body: 'Confirma?',
          header: { kind: 'text', text: 'Pedido' },
          buttons: [{ id: 'y', title: 'Sim' }],
        },
        'Confirma?',
      ],
      [
        {
          kind: 'list',
          body: 'Escolha um imóvel',
          buttonLabel: 'Ver',
          sections: [{ rows: [{ id: 'a', title: 'Casa' }] }],
        },
        'Escolha um imóvel',
      ],
      [
        { kind: 'template', name: 'lembrete', language: 'pt_BR', parameters: ['Ana', 'R$ 10,00'] },
        '[lembrete] Ana · R$ 10,00',
      ],
      [{ kind: 'template', name: 'boas_vindas', language: 'pt_BR', parameters: [] }, '[boas_vindas]'],
    ];
    for (const [message, text] of cases) expect(textOf(message), message.kind).toBe(text);
  });
});

describe('outboundMessage', () => {
  it('takes every kind the engine sends and refuses what is not one', () => {
    const buttons = {
      kind: 'buttons',
      body: 'Oi',
      header: { kind: 'image', url: 'https://x/h.png' },
      footer: 'f',
      buttons: [{ id: 'a', title: 'A' }],
    };
    expect(outboundMessage.parse(buttons)).toEqual(buttons);
    expect(outboundMessage.safeParse({ kind: 'buttons', body: 'Oi', header: 'Topo', buttons: [] }).success).toBe(false);
    expect(outboundMessage.safeParse({ kind: 'sticker', url: 'x' }).success).toBe(false);
    expect(outboundMessage.safeParse({ kind: 'media', media: 'sticker', url: 'x' }).success).toBe(false);
  });
});
