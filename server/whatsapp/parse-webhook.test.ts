import { describe, expect, it } from 'vitest';
import { metaFixtureBytes, metaFixtureNames } from '../testing/meta-fixtures.ts';
import type { ParsedInboundMessage } from './parse-message.ts';
import { type ParsedWebhook, parseWebhook } from './parse-webhook.ts';

const A = '106000000000001';
const B = '106000000000002';

/** `[sender, type, content kind]` per message; sender is `from`, else `userId`. */
type MessageRow = [string, string, string];
/** `[status, recipientId]` per status. */
type StatusRow = [string, string | null];

interface Expected {
  numbers: string[];
  messages?: MessageRow[];
  statuses?: StatusRow[];
  errors?: number[];
  ignored?: string[];
  warnings?: RegExp[];
  /** Not JSON at all: the webhook route never hands it to the parser (whatsapp.test.ts: still 200). */
  notJson?: true;
}

const text = (from: string): MessageRow => [from, 'text', 'text'];
const ana = '5584991230001';
const bruno = '5584991230002';
const carla = '5511987650003';
const dave = '15550199004';

/** Every fixture file, what it must parse to (see fixtures/README.md). */
const table: Record<string, Expected> = {
  'audio-file-no-url.json': { numbers: [A], messages: [[bruno, 'audio', 'media']] },
  'audio-voice.json': { numbers: [A], messages: [[bruno, 'audio', 'media']] },
  'bad-control-chars.json': { numbers: [A], messages: [text(dave)], warnings: [/control characters/] },
  'bad-duplicate-message-in-batch.json': { numbers: [A], messages: [text(ana)], warnings: [/duplicate wamid\./] },
  'bad-empty-entry.json': { numbers: [] },
  'bad-message-missing-fields.json': {
    numbers: [A],
    messages: [],
    warnings: [/messages\[0\]: skipped: id/, /messages\[1\]: skipped .*no from/],
  },
  'bad-missing-metadata.json': { numbers: [], warnings: [/no metadata\.phone_number_id/] },
  'bad-oversized-text.json': { numbers: [A], messages: [text(ana)] },
  'bad-signature-mismatch.json': { numbers: [A], messages: [text(ana)] },
  'bad-status-unknown-wamid.json': { numbers: [A], statuses: [['delivered', ana]] },
  'bad-truncated-json.json': { numbers: [], notJson: true },
  'bad-type-drift.json': { numbers: [A], messages: [text(ana)] },
  'bad-unicode-emoji.json': { numbers: [A], messages: [text('5584991230077')] },
  'bad-unknown-phone-number-id.json': { numbers: ['106999999999999'], messages: [text(dave)] },
  'bad-unknown-type.json': {
    numbers: [A],
    messages: [[dave, 'hologram', 'unsupported']],
    warnings: [/unknown message type hologram/],
  },
  'bad-wrong-object.json': { numbers: [], warnings: [/ignored object page/] },
  'batch-message-and-status.json': { numbers: [A, A], messages: [text(bruno)], statuses: [['delivered', bruno]] },
  'batch-two-contacts.json': { numbers: [A], messages: [text(ana), text(bruno)] },
  'batch-two-entries.json': { numbers: [A, B], messages: [text(ana), text(carla)] },
  'button-template-quick-reply.json': { numbers: [A], messages: [[ana, 'button', 'reply']] },
  'contacts.json': { numbers: [A], messages: [[carla, 'contacts', 'contacts']] },
  'dashboard-test-payload.json': { numbers: ['123456123'], messages: [text('16315551181')] },
  'document.json': { numbers: [A], messages: [[carla, 'document', 'media']] },
  'errors-envelope.json': { numbers: [A], errors: [130429] },
  'image.json': { numbers: [A], messages: [[ana, 'image', 'media']] },
  'interactive-button-reply.json': { numbers: [A], messages: [[ana, 'interactive', 'reply']] },
  'interactive-list-reply.json': { numbers: [A], messages: [[ana, 'interactive', 'reply']] },
  'interactive-nfm-reply.json': { numbers: [A], messages: [[ana, 'interactive', 'unsupported']] },
  'location-pin-reply.json': { numbers: [A], messages: [[ana, 'location', 'location']] },
  'location.json': { numbers: [A], messages: [[ana, 'location', 'location']] },
  'non-messages-field-template-status.json': { numbers: [], ignored: ['message_template_status_update'] },
  'order.json': { numbers: [A], messages: [[bruno, 'order', 'order']] },
  'reaction-removed.json': { numbers: [A], messages: [[ana, 'reaction', 'reaction']] },
  'reaction.json': { numbers: [A], messages: [[ana, 'reaction', 'reaction']] },
  'reorder-a-later-message.json': { numbers: [A], messages: [text(ana)] },
  'reorder-b-earlier-message.json': { numbers: [A], messages: [text(ana)] },
  'status-failed-131047.json': { numbers: [A], statuses: [['failed', dave]] },
  'status-played-voice.json': { numbers: [A], statuses: [['played', ana]] },
  'status-sent-legacy-conversation.json': { numbers: [A], statuses: [['sent', ana]] },
  'statuses-batch.json': {
    numbers: [A],
    statuses: [
      ['sent', ana],
      ['delivered', ana],
      ['read', bruno],
      ['failed', carla],
    ],
  },
  'statuses-read-before-delivered.json': {
    numbers: [A],
    statuses: [
      ['read', ana],
      ['delivered', ana],
    ],
  },
  'sticker.json': { numbers: [A], messages: [[bruno, 'sticker', 'media']] },
  'system-user-changed-number.json': { numbers: [A], messages: [[dave, 'system', 'unsupported']] },
  'text-bsuid-no-phone.json': { numbers: [A], messages: [text('BR.4815162342000000099')] },
  'text-bsuid-with-phone.json': { numbers: [A], messages: [text(ana)] },
  'text-context-reply.json': { numbers: [A], messages: [text(ana)] },
  'text-forwarded.json': { numbers: [A], messages: [text(bruno)] },
  'text-frequently-forwarded.json': { numbers: [A], messages: [text(bruno)] },
  'text-group.json': { numbers: [A], messages: [text(bruno)] },
  'text-referral-ctwa.json': { numbers: [A], messages: [text(carla)] },
  'text-referred-product.json': { numbers: [A], messages: [text(ana)] },
  'text-wire-format.json': { numbers: [A], messages: [text(ana)] },
  'text.json': { numbers: [A], messages: [text(ana)] },
  'unsupported.json': { numbers: [A], messages: [[dave, 'unsupported', 'unsupported']] },
  'video.json': { numbers: [A], messages: [[carla, 'video', 'media']] },
};

/** As the webhook route does: the body's JSON, then the parser. */
function parseFixture(name: string): ParsedWebhook {
  return parseWebhook(JSON.parse(metaFixtureBytes(name).toString('utf8')));
}

const changesOf = (p: ParsedWebhook) => p.entries.flatMap((e) => e.changes);
const messagesOf = (p: ParsedWebhook) => changesOf(p).flatMap((c) => c.messages);
const statusesOf = (p: ParsedWebhook) => changesOf(p).flatMap((c) => c.statuses);

function only(name: string): ParsedInboundMessage {
  const messages = messagesOf(parseFixture(name));
  expect(messages).toHaveLength(1);
  return messages[0]!;
}

describe('parseWebhook over every fixture', () => {
  it('has a row for every fixture file, and a file for every row', () => {
    expect(Object.keys(table).sort()).toEqual(metaFixtureNames());
  });

  it.each(Object.entries(table))('%s', (name, expected) => {
    if (expected.notJson) {
      expect(() => parseFixture(name)).toThrow(SyntaxError);
      return;
    }
    const parsed = parseFixture(name);
    expect(changesOf(parsed).map((c) => c.phoneNumberId)).toEqual(expected.numbers);
    expect(messagesOf(parsed).map((m): MessageRow => [m.from ?? m.userId ?? '', m.type, m.content.kind])).toEqual(
      expected.messages ?? [],
    );
    expect(statusesOf(parsed).map((s): StatusRow => [s.status, s.recipientId])).toEqual(expected.statuses ?? []);
    expect(changesOf(parsed).flatMap((c) => c.errors.map((e) => e.code))).toEqual(expected.errors ?? []);
    expect(parsed.ignored.map((i) => i.field)).toEqual(expected.ignored ?? []);
    const patterns = expected.warnings ?? [];
    expect(parsed.warnings).toHaveLength(patterns.length);
    patterns.forEach((pattern, i) => expect(parsed.warnings[i]).toMatch(pattern));
    for (const m of messagesOf(parsed)) {
      expect(m.wamid.length).toBeGreaterThan(0);
      expect(Number.isNaN(m.timestamp.getTime())).toBe(false);
      expect(m.raw).toMatchObject({ id: m.wamid });
    }
  });
});

describe('parseWebhook details', () => {
  it('reads a text with its sender, profile name and time', () => {
    const m = only('text.json');
    expect(m).toMatchObject({
      wamid: 'wamid.HBgNNTU4NDk5MTIzMDAwMRUCABIYFDNBMDJDQzhBRTkzNENEQzMxM0U1AA==',
      from: ana,
      userId: null,
      profileName: 'Ana Souza',
      type: 'text',
      content: { kind: 'text', text: 'Oi! Quero ver os apartamentos disponíveis em Ponta Negra.' },
      text: 'Oi! Quero ver os apartamentos disponíveis em Ponta Negra.',
    });
    expect(m.timestamp.toISOString()).toBe('2026-01-01T10:00:00.000Z');
  });

  it('decodes the wire format escapes', () => {
    expect(only('text-wire-format.json').text).toBe('Olá! Vi https://imob.example/apto/123 – vale a pena? 😍🏖️');
  });

  it('keeps a 65,536-character text intact', () => {
    const m = only('bad-oversized-text.json');
    expect(m.text).toHaveLength(65_536);
    expect(m.content).toEqual({ kind: 'text', text: m.text });
  });

  it('normalises numbers to strings when Meta drifts', () => {
    const parsed = parseFixture('bad-type-drift.json');
    expect(changesOf(parsed)[0]!.contacts).toEqual([{ waId: ana, name: 'Ana Souza' }]);
    expect(messagesOf(parsed)[0]!.timestamp.toISOString()).toBe('2026-01-01T10:15:50.000Z');
    expect(messagesOf(parsed)[0]!.profileName).toBe('Ana Souza');
  });

  it('strips NUL and BEL and replaces a lone surrogate, keeping the tab', () => {
    const m = only('bad-control-chars.json');
    expect(m.text).toBe('NUL>< BEL>< tab>\t< lone-surrogate>\ufffd<');
    expect(JSON.stringify(m.raw)).not.toContain('\\u0000');
    expect(JSON.stringify(m.raw)).toContain('tab>\\t<');
  });

  it('cleans sender names too', () => {
    const body = JSON.parse(metaFixtureBytes('text.json').toString('utf8'));
    body.entry[0].changes[0].value.contacts[0].profile.name = 'Ana\u0000 Souza';
    const parsed = parseWebhook(body);
    expect(changesOf(parsed)[0]!.contacts[0]!.name).toBe('Ana Souza');
    expect(messagesOf(parsed)[0]!.profileName).toBe('Ana Souza');
  });

  it('matches senders to messages by wa_id, not by position', () => {
    const body = JSON.parse(metaFixtureBytes('batch-two-contacts.json').toString('utf8'));
    body.entry[0].changes[0].value.contacts.reverse();
    const names = messagesOf(parseWebhook(body)).map((m) => [m.from, m.profileName]);
    expect(names).toEqual([
      [ana, 'Ana Souza'],
      [bruno, 'Bruno Lima'],
    ]);
  });

  it('keeps well-formed siblings of a malformed message', () => {
    const body = JSON.parse(metaFixtureBytes('batch-two-contacts.json').toString('utf8'));
    const messages = body.entry[0].changes[0].value.messages;
    messages.splice(1, 0, { from: ana, type: 'text' }, 'not an object', {
      ...messages[0],
      id: 'wamid.X',
      type: 'image',
      image: {},
    });
    const parsed = parseWebhook(body);
    expect(messagesOf(parsed).map((m) => [m.wamid.slice(0, 7), m.content.kind])).toEqual([
      ['wamid.H', 'text'],
      ['wamid.X', 'unsupported'],
      ['wamid.H', 'text'],
    ]);
    expect(parsed.warnings).toHaveLength(3);
    expect(parsed.warnings[2]).toMatch(/malformed image/);
  });

  it('identifies username-only users by their business-scoped id', () => {
    const parsed = parseFixture('text-bsuid-no-phone.json');
    expect(changesOf(parsed)[0]!.contacts).toEqual([
      { userId: 'BR.4815162342000000099', name: 'Eva', username: '@eva.natal' },
    ]);
    expect(messagesOf(parsed)[0]).toMatchObject({ from: null, userId: 'BR.4815162342000000099', profileName: 'Eva' });
    expect(only('text-bsuid-with-phone.json')).toMatchObject({ from: ana, userId: 'BR.4815162342000000001' });
  });

  it.each([
    ['interactive-button-reply.json', { kind: 'reply', id: 'opt-comprar', title: 'Quero comprar' }],
    ['interactive-list-reply.json', { kind: 'reply', id: 'apt-2q-pn', title: 'Apartamento 2 quartos' }],
    ['button-template-quick-reply.json', { kind: 'reply', id: 'PAY_NOW:invoice-2026-001', title: 'Pagar agora' }],
    ['location-pin-reply.json', { kind: 'location', latitude: -5.8323105, longitude: -35.2048332 }],
    [
      'location.json',
      {
        kind: 'location',
        latitude: -5.8741,
        longitude: -35.1795,
        name: 'Praia Shopping',
        address: 'Av. Engenheiro Roberto Freire, 1000, Ponta Negra, Natal - RN',
      },
    ],
    [
      'contacts.json',
      { kind: 'contacts', contacts: [{ name: 'Marcos Pereira', phones: ['+55 84 99123-0009', '+55 84 3200-0009'] }] },
    ],
    [
      'reaction.json',
      { kind: 'reaction', emoji: '👍', messageId: 'wamid.HBgNNTU4NDk5MTIzMDAwMRUCABEYEkQyOEMwNzlFNEY0RTJCNTgzOQA=' },
    ],
    [
      'reaction-removed.json',
      { kind: 'reaction', emoji: '', messageId: 'wamid.HBgNNTU4NDk5MTIzMDAwMRUCABEYEkQyOEMwNzlFNEY0RTJCNTgzOQA=' },
    ],
    [
      'order.json',
      {
        kind: 'order',
        items: [
          { productId: 'SKU-CIMENTO-50KG', quantity: 20, unitPrice: 39.9 },
          { productId: 'SKU-ARGAMASSA-20KG', quantity: 5, unitPrice: 24.5 },
        ],
      },
    ],
    ['unsupported.json', { kind: 'unsupported', type: 'poll_creation' }],
    [
      'image.json',
      {
        kind: 'media',
        media: 'image',
        mediaId: '1200000000000001',
        caption: 'Foto da fachada que eu gostei',
        mimeType: 'image/jpeg',
        url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1200000000000001&source=webhook&ext=1767261600&hash=ARfixtureHashDoNotUse',
      },
    ],
    ['audio-file-no-url.json', { kind: 'media', media: 'audio', mediaId: '1200000000000006', mimeType: 'audio/mpeg' }],
  ])('maps %s to its content', (name, content) => {
    expect(only(name).content).toStrictEqual(content);
  });

  it('keeps media details for download and display', () => {
    expect(only('document.json')).toMatchObject({
      text: 'Comprovante de renda',
      media: {
        id: '1200000000000004',
        filename: 'holerite-dezembro.pdf',
        mimeType: 'application/pdf',
        sha256: 'KdEoNoYZPcFGGn3qxPU9m8VAKii5XYVPaelJhnVv0Kk=',
      },
    });
    expect(only('audio-voice.json').media).toMatchObject({ voice: true, mimeType: 'audio/ogg; codecs=opus' });
    expect(only('sticker.json').media).toMatchObject({ animated: false, mimeType: 'image/webp' });
  });

  it('parses a WhatsApp Flow answer (nfm_reply) into formResponse, unsupported for the flow', () => {
    const m = only('interactive-nfm-reply.json');
    expect(m.formResponse).toEqual({
      name: 'flow',
      data: { flow_token: 'ft-session-7f3a', nome: 'Ana Souza', renda: '8500', bairro: 'Ponta Negra' },
    });
    expect(m.text).toBe('nome: Ana Souza\nrenda: 8500\nbairro: Ponta Negra');
  });

  it('reads contexts, forwards, referred products, groups and ads', () => {
    expect(only('text-context-reply.json').context).toEqual({
      from: '15550100001',
      id: 'wamid.HBgNNTU4NDk5MTIzMDAwMRUCABEYEkQyOEMwNzlFNEY0RTJCNTgzOQA=',
    });
    expect(only('text-forwarded.json').context).toEqual({ forwarded: true });
    expect(only('text-frequently-forwarded.json').context).toEqual({ frequentlyForwarded: true });
    expect(only('text-referred-product.json').context?.referredProduct).toEqual({
      catalogId: '730000000000001',
      productRetailerId: 'SKU-APT-2Q-PN',
    });
    expect(only('text-group.json').groupId).toBe('Y2FwaV9ncm91cDpGSVhUVVJFLUdST1VQLTAwMDE');
    expect(only('text.json').groupId).toBeUndefined();
    expect(only('text-referral-ctwa.json').referral).toMatchObject({
      sourceType: 'ad',
      ctwaClid: 'ARAkFixtureClickIdA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0',
      welcomeMessage: 'Olá! Como podemos ajudar você a encontrar seu imóvel?',
      mediaType: 'image',
    });
  });

  it('reads system messages without value.contacts', () => {
    expect(only('system-user-changed-number.json')).toMatchObject({
      from: dave,
      system: { type: 'user_changed_number', newWaId: '15550199005' },
    });
  });

  it('keeps errors of unsupported messages', () => {
    expect(only('unsupported.json').errors).toEqual([
      {
        code: 131051,
        title: 'Message type unknown',
        message: 'Message type unknown',
        details: 'Message type is currently not supported.',
      },
    ]);
  });

  it('reads status errors, pricing, conversation and callback data', () => {
    const [failed] = statusesOf(parseFixture('status-failed-131047.json'));
    expect(failed?.errors[0]).toMatchObject({ code: 131047, title: 'Re-engagement message' });
    const [sent] = statusesOf(parseFixture('status-sent-legacy-conversation.json'));
    expect(sent).toMatchObject({
      conversation: { id: '6f1c2a9e0b7d4c3e8a5f1b2c3d4e5f60', originType: 'utility' },
      pricing: { billable: true, pricingModel: 'PMP', type: 'regular', category: 'utility' },
      bizOpaqueCallbackData: 'campaign=boletos-jan;invoice=2026-001',
    });
    expect(sent?.conversation?.expiresAt?.toISOString()).toBe('2026-01-02T10:05:20.000Z');
    expect(statusesOf(parseFixture('statuses-batch.json'))[0]?.conversation).toBeUndefined();
  });

  it('hands non-messages fields back as ignored, with their WABA', () => {
    const parsed = parseFixture('non-messages-field-template-status.json');
    expect(parsed.ignored[0]).toMatchObject({ wabaId: '102000000000001', value: { event: 'APPROVED' } });
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['an array', []],
    ['entry not an array', { object: 'whatsapp_business_account', entry: {} }],
    [
      'entry items of the wrong shape',
      { object: 'whatsapp_business_account', entry: [1, { id: '1' }, { id: '1', changes: [null] }] },
    ],
    [
      'value not an object',
      { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: 3 }] }] },
    ],
  ])('never throws on %s', (_label, body) => {
    const parsed = parseWebhook(body);
    expect(parsed.entries).toEqual([]);
    expect(parsed.warnings.length).toBeGreaterThan(0);
  });

  it('skips a status without id and keeps the others', () => {
    const body = JSON.parse(metaFixtureBytes('statuses-batch.json').toString('utf8'));
    delete body.entry[0].changes[0].value.statuses[1].id;
    const parsed = parseWebhook(body);
    expect(statusesOf(parsed).map((s) => s.status)).toEqual(['sent', 'read', 'failed']);
    expect(parsed.warnings).toEqual([expect.stringMatching(/statuses\[1\]: status skipped: id/)]);
  });
});
