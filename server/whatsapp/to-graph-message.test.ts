import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../runtime/messages.ts';
import { markAsReadPayload, toGraphMessage } from './to-graph-message.ts';

/** The parts of the payloads the limit test reads. */
type ButtonsPayload = {
  interactive: {
    body: { text: string };
    header: { text: string };
    footer: { text: string };
    action: { buttons: { reply: { id: string; title: string } }[] };
  };
};
type ListPayload = {
  interactive: {
    action: {
      button: string;
      sections: { title: string; rows: { title: string; description: string }[] }[];
    };
  };
};

const ana = { waId: '5584991230001', userId: null };
const head = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+5584991230001' };

describe('toGraphMessage', () => {
  it.each<[string, OutboundMessage, Record<string, unknown>]>([
    ['plain text', { kind: 'text', text: 'Olá, Ana!' }, { type: 'text', text: { body: 'Olá, Ana!' } }],
    [
      'text with a link asks for a preview',
      { kind: 'text', text: 'Veja https://imob.example/apto/1' },
      { type: 'text', text: { preview_url: true, body: 'Veja https://imob.example/apto/1' } },
    ],
    [
      'image with caption',
      { kind: 'media', media: 'image', url: 'https://cdn.example/a.jpg', caption: 'Fachada' },
      { type: 'image', image: { link: 'https://cdn.example/a.jpg', caption: 'Fachada' } },
    ],
    [
      'video without caption',
      { kind: 'media', media: 'video', url: 'https://cdn.example/v.mp4' },
      { type: 'video', video: { link: 'https://cdn.example/v.mp4' } },
    ],
    [
      'document with filename',
      { kind: 'media', media: 'document', url: 'https://cdn.example/b.pdf', caption: 'Boleto', filename: 'boleto.pdf' },
      { type: 'document', document: { link: 'https://cdn.example/b.pdf', caption: 'Boleto', filename: 'boleto.pdf' } },
    ],
    [
      'audio drops caption and filename',
      { kind: 'media', media: 'audio', url: 'https://cdn.example/a.ogg', caption: 'x', filename: 'a.ogg' },
      { type: 'audio', audio: { link: 'https://cdn.example/a.ogg' } },
    ],
    [
      'reply buttons with text header and footer',
      {
        kind: 'buttons',
        body: 'O que deseja?',
        header: { kind: 'text', text: 'Imobiliária' },
        footer: 'Responda tocando',
        buttons: [
          { id: 'opt-1', title: 'Comprar' },
          { id: 'opt-2', title: 'Alugar' },
        ],
      },
      {
        type: 'interactive',
        interactive: {
          type: 'button',
          header: { type: 'text', text: 'Imobiliária' },
          body: { text: 'O que deseja?' },
          footer: { text: 'Responda tocando' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'opt-1', title: 'Comprar' } },
              { type: 'reply', reply: { id: 'opt-2', title: 'Alugar' } },
            ],
          },
        },
      },
    ],
    [
      'reply buttons with image header',
      {
        kind: 'buttons',
        body: 'Gostou?',
        header: { kind: 'image', url: 'https://cdn.example/a.jpg' },
        buttons: [{ id: 'y', title: 'Sim' }],
      },
      {
        type: 'interactive',
        interactive: {
          type: 'button',
          header: { type: 'image', image: { link: 'https://cdn.example/a.jpg' } },
          body: { text: 'Gostou?' },
          action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Sim' } }] },
        },
      },
    ],
    [
      'list with sections',
      {
        kind: 'list',
        body: 'Escolha um imóvel',
        header: 'Imóveis',
        footer: 'Natal/RN',
        buttonLabel: 'Ver opções',
        sections: [
          { title: 'Apartamentos', rows: [{ id: 'apt-1', title: 'Apto 2 quartos', description: 'Ponta Negra' }] },
          { title: 'Casas', rows: [{ id: 'casa-1', title: 'Casa 3 quartos' }] },
        ],
      },
      {
        type: 'interactive',
        interactive: {
          type: 'list',
          header: { type: 'text', text: 'Imóveis' },
          body: { text: 'Escolha um imóvel' },
          footer: { text: 'Natal/RN' },
          action: {
            button: 'Ver opções',
            sections: [
              { title: 'Apartamentos', rows: [{ id: 'apt-1', title: 'Apto 2 quartos', description: 'Ponta Negra' }] },
              { title: 'Casas', rows: [{ id: 'casa-1', title: 'Casa 3 quartos' }] },
            ],
          },
        },
      },
    ],
    [
      'template with body parameters',
      { kind: 'template', name: 'lembrete_boleto', language: 'pt_BR', parameters: ['Ana', 'R$ 350,00'] },
      {
        type: 'template',
        template: {
          name: 'lembrete_boleto',
          language: { code: 'pt_BR' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Ana' },
                { type: 'text', text: 'R$ 350,00' },
              ],
            },
          ],
        },
      },
    ],
    [
      'named template with a header, quick replies (payloads) and a URL suffix percent-encoded',
      {
        kind: 'template',
        name: 'cobranca_fatura_atraso',
        language: 'pt_BR',
        parameters: ['Ana', '350,00'],
        parameterNames: ['nome', 'valor'],
        header: { text: 'Fatura', name: 'titulo' },
        buttons: [
          { index: 0, type: 'quick_reply', value: 'lembrete:pagar', title: 'Vou pagar agora' },
          { index: 2, type: 'url', value: 'fatura ção:1' },
        ],
        text: 'Olá, Ana!',
      },
      {
        type: 'template',
        template: {
          name: 'cobranca_fatura_atraso',
          language: { code: 'pt_BR' },
          components: [
            { type: 'header', parameters: [{ type: 'text', parameter_name: 'titulo', text: 'Fatura' }] },
            {
              type: 'body',
              parameters: [
                { type: 'text', parameter_name: 'nome', text: 'Ana' },
                { type: 'text', parameter_name: 'valor', text: '350,00' },
              ],
            },
            {
              type: 'button',
              sub_type: 'quick_reply',
              index: '0',
              parameters: [{ type: 'payload', payload: 'lembrete:pagar' }],
            },
            {
              type: 'button',
              sub_type: 'url',
              index: '2',
              parameters: [{ type: 'text', text: 'fatura%20%C3%A7%C3%A3o%3A1' }],
            },
          ],
        },
      },
    ],
    [
      'template without parameters has no components',
      { kind: 'template', name: 'ola', language: 'en_US', parameters: [] },
      { type: 'template', template: { name: 'ola', language: { code: 'en_US' } } },
    ],
  ])('%s', (_label, message, expected) => {
    expect(toGraphMessage(message, ana)).toStrictEqual([{ ...head, ...expected }]);
  });

  it('addresses business-scoped users with `recipient`, and prefers `to` when both exist', () => {
    const msg: OutboundMessage = { kind: 'text', text: 'oi' };
    const [bsuid] = toGraphMessage(msg, { waId: null, userId: 'BR.4815162342000000099' });
    expect(bsuid).toMatchObject({ recipient: 'BR.4815162342000000099' });
    expect(bsuid).not.toHaveProperty('to');
    const [both] = toGraphMessage(msg, { waId: '+5584991230001', userId: 'BR.1' });
    expect(both).toMatchObject({ to: '+5584991230001' });
    expect(both).not.toHaveProperty('recipient');
    expect(() => toGraphMessage(msg, { waId: null, userId: null })).toThrow(/recipient/);
  });

  it('sends nothing for a blank text, and no empty caption', () => {
    expect(toGraphMessage({ kind: 'text', text: ' \n ' }, ana)).toEqual([]);
    expect(toGraphMessage({ kind: 'media', media: 'image', url: 'https://x/a.png', caption: '' }, ana)).toStrictEqual([
      { ...head, type: 'image', image: { link: 'https://x/a.png' } },
    ]);
  });

  it('splits a long text into several payloads of at most 4096 characters', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `linha ${i}`).join(' ');
    const bodies = toGraphMessage({ kind: 'text', text }, ana).map((p) => (p.text as { body: string }).body);
    expect(bodies.length).toBe(Math.ceil(text.length / 4096));
    for (const body of bodies) expect(body.length).toBeLessThanOrEqual(4096);
    expect(bodies.join(' ')).toBe(text);
  });

  it('cuts every field to Meta limits', () => {
    const long = (n: number) => 'x'.repeat(n);
    const [buttons] = toGraphMessage(
      {
        kind: 'buttons',
        body: long(2000),
        header: { kind: 'text', text: long(100) },
        footer: long(100),
        buttons: [1, 2, 3, 4].map((i) => ({ id: `${i}${long(300)}`, title: long(30) })),
      },
      ana,
    );
    const i = (buttons as unknown as ButtonsPayload).interactive;
    expect(i.body.text).toHaveLength(1024);
    expect(i.header.text).toHaveLength(60);
    expect(i.footer.text).toHaveLength(60);
    expect(i.action.buttons).toHaveLength(3);
    expect(i.action.buttons[0]!.reply.title).toHaveLength(20);
    expect(i.action.buttons[0]!.reply.id).toHaveLength(256);

    const [list] = toGraphMessage(
      {
        kind: 'list',
        body: 'b',
        buttonLabel: long(30),
        sections: [
          {
            title: long(30),
            rows: Array.from({ length: 8 }, (_, r) => ({ id: `r${r}`, title: long(30), description: long(100) })),
          },
          { title: 'b', rows: [5, 6, 7, 8].map((r) => ({ id: `s${r}`, title: 't' })) },
          { title: 'c', rows: [{ id: 'never', title: 't' }] },
        ],
      },
      ana,
    );
    const l = (list as unknown as ListPayload).interactive;
    expect(l.action.button).toHaveLength(20);
    expect(l.action.sections.map((s) => s.rows.length)).toEqual([8, 2]);
    expect(l.action.sections[0]!.title).toHaveLength(24);
    expect(l.action.sections[0]!.rows[0]!.title).toHaveLength(24);
    expect(l.action.sections[0]!.rows[0]!.description).toHaveLength(72);
    expect(JSON.stringify(list)).not.toContain('never');

    const [media] = toGraphMessage({ kind: 'media', media: 'image', url: 'https://x/y.jpg', caption: long(2000) }, ana);
    expect((media as { image: { caption: string } }).image.caption).toHaveLength(1024);
  });
});

describe('markAsReadPayload', () => {
  it('marks a message read', () => {
    expect(markAsReadPayload('wamid.A')).toStrictEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.A',
    });
  });

  it('can show the typing indicator', () => {
    expect(markAsReadPayload('wamid.A', { typing: true })).toStrictEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.A',
      typing_indicator: { type: 'text' },
    });
  });
});
