import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConversationMessage } from '../../../shared/api/conversations.ts';
import { MessageBubble } from './MessageBubble.tsx';

/** A stored message as `GET /api/conversations/:id` gives it. */
function message(direction: 'in' | 'out', content: Record<string, unknown>, extra: Partial<ConversationMessage> = {}) {
  const m: ConversationMessage = {
    id: 'm1',
    direction,
    author: direction === 'in' ? 'contact' : 'bot',
    type: String(content.kind),
    text: null,
    content,
    status: direction === 'in' ? 'received' : 'delivered',
    error: null,
    media: null,
    createdAt: '2026-12-06T12:00:00.000Z',
    ...extra,
  };
  return m;
}

/** The bubble as HTML, and as the words a reader sees (tags dropped, entities read). */
function draw(m: ConversationMessage): { html: string; text: string } {
  const html = renderToStaticMarkup(<MessageBubble message={m} />);
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return { html, text };
}

/** Conversas draws the history as the contact saw it on WhatsApp: every kind of message the bot sends or receives. */
describe('a message in the Conversas history', () => {
  it('a template: the text the contact read, its tag and its quick replies, not only its name', () => {
    const { text, html } = draw(
      message('out', {
        kind: 'template',
        name: 'pedido_saiu',
        language: 'pt_BR',
        parameters: ['Ana', '12'],
        text: 'Olá Ana, seu pedido #12 saiu para entrega.',
        buttons: [{ index: 0, type: 'quick_reply', value: 'ok', title: 'Recebi' }],
      }),
    );
    expect(text).toContain('Olá Ana, seu pedido #12 saiu para entrega.');
    expect(text).toContain('pedido_saiu');
    expect(html).toMatch(/<button[^>]*disabled[^>]*>Recebi<\/button>/);
  });

  it('a template stored without its text (older rows): its name and parameters', () => {
    const { text } = draw(
      message('out', { kind: 'template', name: 'lembrete', language: 'pt_BR', parameters: ['Ana', 'amanhã'] }),
    );
    expect(text).toContain('lembrete');
    expect(text).toContain('Ana · amanhã');
  });

  it('a list: its text, its button, and the rows it offered', () => {
    const { text } = draw(
      message('out', {
        kind: 'list',
        body: 'Escolha um sabor',
        buttonLabel: 'Ver sabores',
        sections: [
          {
            title: 'Pizzas',
            rows: [
              { id: 'm', title: 'Margherita', description: 'Tomate e manjericão' },
              { id: 'c', title: 'Calabresa' },
            ],
          },
        ],
      }),
    );
    expect(text).toContain('Escolha um sabor');
    expect(text).toContain('Ver sabores');
    expect(text).toContain('Pizzas');
    expect(text).toContain('Margherita');
    expect(text).toContain('Tomate e manjericão');
    expect(text).toContain('Calabresa');
  });

  it('buttons, a photo and a document the bot sent', () => {
    const buttons = draw(
      message('out', {
        kind: 'buttons',
        body: 'Quer ver as ofertas?',
        buttons: [
          { id: 'sim', title: 'Sim' },
          { id: 'nao', title: 'Agora não' },
        ],
      }),
    );
    expect(buttons.text).toContain('Quer ver as ofertas?');
    expect(buttons.html).toMatch(/<button[^>]*disabled[^>]*>Agora não<\/button>/);

    const photo = draw(message('out', { kind: 'media', media: 'image', url: '/files/t/casa.jpg', caption: 'A casa' }));
    expect(photo.html).toContain('src="/files/t/casa.jpg"');
    expect(photo.text).toContain('A casa');

    const document = draw(
      message('out', { kind: 'media', media: 'document', url: '/files/t/c.pdf', filename: 'contrato.pdf' }),
    );
    expect(document.html).toContain('href="/files/t/c.pdf"');
    expect(document.text).toContain('contrato.pdf');
  });

  it("a contact's location: its name, address and a map link at its coordinates", () => {
    const { text, html } = draw(
      message('in', {
        kind: 'location',
        latitude: -5.79,
        longitude: -35.2,
        name: 'Loja Centro',
        address: 'Rua Chile, 10',
      }),
    );
    expect(text).toContain('Loja Centro');
    expect(text).toContain('Rua Chile, 10');
    expect(html).toContain('mlat=-5.79&amp;mlon=-35.2');
  });

  it("a contact's photo and document (by its name): shown and downloadable through the signed-in media route", () => {
    const photo = draw(
      message(
        'in',
        { kind: 'media', media: 'image', caption: 'olha isso' },
        { media: { id: 'f1', status: 'stored', mimeType: 'image/jpeg', fileName: null } },
      ),
    );
    expect(photo.html).toContain('src="/api/media/f1"');
    expect(photo.html).toContain('href="/api/media/f1?download=1"');
    expect(photo.text).toContain('olha isso');

    const document = draw(
      message(
        'in',
        { kind: 'media', media: 'document' },
        { media: { id: 'f2', status: 'stored', mimeType: 'application/pdf', fileName: 'holerite.pdf' } },
      ),
    );
    expect(document.html).toContain('href="/api/media/f2?download=1"');
    // WhatsApp shows a document by its name.
    expect(document.text).toContain('holerite.pdf');
    expect(document.html).not.toContain('<img');

    const pending = draw(message('in', { kind: 'media', media: 'image' }));
    expect(pending.html).not.toContain('/api/media/');
  });
});
