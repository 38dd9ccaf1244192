import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../runtime/messages.ts';
import { parseWebhook } from '../whatsapp/parse-webhook.ts';
import { toGraphMessage } from '../whatsapp/to-graph-message.ts';
import { verifySignature } from '../whatsapp/verify-signature.ts';
import { type FakeGraph, messageWebhook, metaJson, startFakeGraphApi, statusWebhook } from './fake-graph-api.ts';
import { signBody } from './sign.ts';

let fake: FakeGraph;
beforeAll(async () => {
  fake = await startFakeGraphApi();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const ana = { waId: '5584991230001', userId: null };

/** The fields of Graph answers these tests read; absent ones are simply undefined at run time. */
type GraphAnswer = { messages: { id: string }[]; contacts: unknown[]; error: { code: number }; success?: boolean };

async function post(body: unknown, { path = '/v23.0/106000000000001/messages', token = 't' } = {}) {
  const res = await fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as GraphAnswer, retryAfter: res.headers.get('retry-after') };
}

/** Sends `total` text messages over 32 concurrent callers. */
async function sendsPerSecond(url: string, total: number): Promise<number> {
  const body = JSON.stringify(text());
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < total) {
        next += 1;
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.arrayBuffer();
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

const text = (to = '+5584991230001') => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'text',
  text: { body: 'oi' },
});

describe('fake Graph API: sends', () => {
  it('answers like Meta with a unique wamid per message', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(text())));
    expect(answers[0]).toMatchObject({
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: '+5584991230001', wa_id: '5584991230001' }],
        messages: [{ id: expect.stringMatching(/^wamid\./) }],
      },
    });
    expect(new Set(answers.map((a) => a.body.messages[0]!.id)).size).toBe(50);
    expect(fake.sent()).toHaveLength(50);
    expect(fake.sent()[0]).toMatchObject({
      kind: 'send',
      phoneNumberId: '106000000000001',
      token: 't',
      body: text(),
      status: 200,
    });
  });

  const outbound: [string, OutboundMessage, { waId: string | null; userId: string | null }][] = [
    ['text with a link', { kind: 'text', text: 'veja https://x.example/a' }, ana],
    ['text to a business-scoped id', { kind: 'text', text: 'oi' }, { waId: null, userId: 'BR.4815162342000000099' }],
    [
      'document',
      { kind: 'media', media: 'document', url: 'https://x.example/a.pdf', filename: 'a.pdf', caption: 'c' },
      ana,
    ],
    ['audio', { kind: 'media', media: 'audio', url: 'https://x.example/a.ogg', caption: 'dropped' }, ana],
    [
      'buttons',
      {
        kind: 'buttons',
        body: 'b',
        header: { kind: 'image', url: 'https://x.example/i.png' },
        buttons: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' },
        ],
      },
      ana,
    ],
    [
      'list',
      {
        kind: 'list',
        body: 'b',
        buttonLabel: 'Ver',
        sections: [
          { title: 'S1', rows: [{ id: 'r1', title: 'R1' }] },
          { title: 'S2', rows: [{ id: 'r2', title: 'R2', description: 'd' }] },
        ],
      },
      ana,
    ],
    ['template', { kind: 'template', name: 'lembrete', language: 'pt_BR', parameters: ['Ana'] }, ana],
  ];
  it.each(outbound)('accepts what toGraphMessage builds: %s', async (_label, message, to) => {
    for (const payload of toGraphMessage(message, to)) expect((await post(payload)).status).toBe(200);
  });

  it('answers BSUID sends with user_id', async () => {
    const [payload] = toGraphMessage({ kind: 'text', text: 'oi' }, { waId: null, userId: 'BR.1' });
    expect((await post(payload)).body.contacts).toEqual([{ input: 'BR.1', user_id: 'BR.1' }]);
  });

  it.each([
    ['not JSON', '{"messaging_product":', 100],
    ['no messaging_product', { to: '+1', type: 'text', text: { body: 'x' } }, 100],
    ['no recipient', { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, 100],
    ['unknown type', { messaging_product: 'whatsapp', to: '+1', type: 'hologram', hologram: {} }, 100],
    ['missing type object', { messaging_product: 'whatsapp', to: '+1', type: 'image' }, 131008],
    ['empty text', { ...text(), text: { body: '' } }, 131009],
    ['text over 4096', { ...text(), text: { body: 'x'.repeat(4097) } }, 131009],
    [
      'four buttons',
      {
        ...text(),
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'b' },
          action: { buttons: [1, 2, 3, 4].map((i) => ({ type: 'reply', reply: { id: `${i}`, title: 't' } })) },
        },
      },
      131009,
    ],
    [
      'button title over 20',
      {
        ...text(),
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'b' },
          action: { buttons: [{ type: 'reply', reply: { id: '1', title: 'x'.repeat(21) } }] },
        },
      },
      131009,
    ],
    [
      'eleven rows',
      {
        ...text(),
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'b' },
          action: {
            button: 'Ver',
            sections: [{ rows: Array.from({ length: 11 }, (_, i) => ({ id: `${i}`, title: 't' })) }],
          },
        },
      },
      131009,
    ],
    ['media with link and id', { ...text(), type: 'image', image: { link: 'https://x', id: '1' } }, 100],
    ['audio caption', { ...text(), type: 'audio', audio: { link: 'https://x', caption: 'c' } }, 100],
  ])("rejects %s with 400 and Meta's envelope", async (_label, body, code) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        message: expect.any(String),
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details: expect.any(String) },
        fbtrace_id: expect.any(String),
      },
    });
    expect(fake.sent()).toEqual([]);
  });

  it('answers mark-as-read with success, not counted as a send', async () => {
    expect((await post({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X' })).body).toEqual({
      success: true,
    });
    expect(fake.requests.map((r) => r.kind)).toEqual(['read']);
    expect(fake.sent()).toEqual([]);
  });
});

describe('fake Graph API: faults, waiting, tokens', () => {
  it('fails the next n sends, then recovers', async () => {
    fake.failNext(2, { status: 400, code: 130429, retryAfter: 2 });
    const answers = await Promise.all([1, 2, 3].map(() => post(text())));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400]);
    const failed = answers.find((a) => a.status === 400)!;
    expect(failed.body.error.code).toBe(130429);
    expect(failed.retryAfter).toBe('2');
    expect(fake.requests.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    expect(fake.sent()).toHaveLength(1);
  });

  it('aims a fault at one recipient, + or not', async () => {
    fake.failNext(1, { status: 400, code: 131056, to: '+5584991230002' });
    expect((await post(text('+5584991230001'))).status).toBe(200);
    expect((await post(text('5584991230002'))).body.error.code).toBe(131056);
    expect((await post(text('5584991230002'))).status).toBe(200);
  });

  it('waits for sends, and times out with a count', async () => {
    const waiting = fake.waitForSent(3, 2000);
    await Promise.all([post(text()), post(text()), post(text())]);
    expect(await waiting).toHaveLength(3);
    await expect(fake.waitForSent(5, 50)).rejects.toThrow(/3 of 5 sends/);
  });

  it('checks the token when one is expected', async () => {
    const strict = await startFakeGraphApi({ expectedToken: 'right' });
    try {
      const res = await fetch(`${strict.url}/v23.0/1/messages`, {
        method: 'POST',
        headers: { authorization: 'Bearer wrong' },
        body: JSON.stringify(text()),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: number } }).error.code).toBe(190);
      expect(strict.sent()).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  it('does not record a request that arrived before reset()', async () => {
    fake.delayMs = 100;
    const late = post(text());
    await new Promise((resolve) => setTimeout(resolve, 30));
    fake.reset();
    fake.failNext(1, { status: 500, code: 131000 });
    expect((await late).status).toBe(200);
    expect(fake.requests).toEqual([]);
    expect(fake.sent()).toEqual([]);
    expect((await post(text())).status).toBe(500);
  });

  it('delays answers when asked', async () => {
    fake.delayMs = 80;
    const started = performance.now();
    await post(text());
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('costs little more than a bare node:http server (the benchmark pushes 500+ sends/s)', async () => {
    // Relative to a do-nothing server on the same machine, so a slow CI box does not fail it.
    const bare = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}'));
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/v23.0/1/messages`;
    const fakeUrl = `${fake.url}/v23.0/1/messages`;
    try {
      await sendsPerSecond(bareUrl, 100);
      await sendsPerSecond(fakeUrl, 100);
      const bareRate = await sendsPerSecond(bareUrl, 600);
      const fakeRate = await sendsPerSecond(fakeUrl, 600);
      expect(fake.sent()).toHaveLength(700);
      expect(fakeRate).toBeGreaterThan(bareRate * 0.4);
    } finally {
      bare.closeAllConnections();
      bare.close();
    }
  });
});

describe('webhook builders', () => {
  const channel = { phoneNumberId: '106000000000001', displayPhone: '15550100001', wabaId: '102000000000001' };
  const at = new Date('2026-01-01T10:00:00Z');

  it('builds a text message webhook the parser reads back', () => {
    const body = metaJson(
      messageWebhook({
        ...channel,
        wamid: 'wamid.IN1',
        from: '5584991230001',
        name: 'Ana Souza',
        timestamp: at,
        text: 'Olá / tudo bem? 😍',
      }),
    );
    expect(body).toContain('Ol\\u00e1 \\/ tudo bem? \\ud83d\\ude0d');
    const signature = signBody(body, 'secret');
    expect(verifySignature(Buffer.from(body), signature, 'secret')).toBe(true);
    const parsed = parseWebhook(JSON.parse(body));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries[0]?.changes[0]?.messages[0]).toMatchObject({
      wamid: 'wamid.IN1',
      from: '5584991230001',
      profileName: 'Ana Souza',
      timestamp: at,
      content: { kind: 'text', text: 'Olá / tudo bem? 😍' },
    });
  });

  it.each([
    [false, 'button_reply'],
    [true, 'list_reply'],
  ])('builds an interactive reply (list: %s → %s)', (list, kind) => {
    const webhook = messageWebhook({
      ...channel,
      wamid: 'wamid.IN2',
      from: '5584991230001',
      name: 'Ana',
      timestamp: at,
      reply: { id: 'opt-1', title: 'Comprar', list },
      contextId: 'wamid.OUT1',
    });
    expect(JSON.stringify(webhook)).toContain(`"type":"${kind}"`);
    const message = parseWebhook(JSON.parse(JSON.stringify(webhook))).entries[0]?.changes[0]?.messages[0];
    expect(message).toMatchObject({
      content: { kind: 'reply', id: 'opt-1', title: 'Comprar' },
      context: { id: 'wamid.OUT1', from: '15550100001' },
    });
  });

  it('builds status webhooks, failed ones with their error', () => {
    const delivered = parseWebhook(
      JSON.parse(
        metaJson(
          statusWebhook({
            ...channel,
            wamid: 'wamid.OUT1',
            recipient: '5584991230001',
            status: 'delivered',
            timestamp: at,
          }),
        ),
      ),
    );
    expect(delivered.entries[0]?.changes[0]?.statuses[0]).toMatchObject({
      wamid: 'wamid.OUT1',
      status: 'delivered',
      recipientId: '5584991230001',
      timestamp: at,
      errors: [],
    });
    const failed = parseWebhook(
      JSON.parse(
        metaJson(
          statusWebhook({
            ...channel,
            wamid: 'wamid.OUT2',
            recipient: '1',
            status: 'failed',
            timestamp: at,
            error: { code: 131047, title: 'Re-engagement message' },
          }),
        ),
      ),
    );
    expect(failed.entries[0]?.changes[0]?.statuses[0]?.errors).toEqual([
      expect.objectContaining({ code: 131047, title: 'Re-engagement message' }),
    ]);
  });
});

describe('fake Graph API: status webhooks like Meta', () => {
  it('posts signed sent and delivered statuses echoing biz_opaque_callback_data, retrying until 200', async () => {
    const received: { status: string; callback?: string; signed: boolean }[] = [];
    let refusals = 2;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        // The first two deliveries fail, as they would while our server restarts.
        if (refusals > 0) {
          refusals -= 1;
          res.writeHead(503).end();
          return;
        }
        const raw = Buffer.concat(chunks);
        const status = parseWebhook(JSON.parse(raw.toString('utf8'))).entries[0]?.changes[0]?.statuses[0];
        received.push({
          status: status?.status ?? '?',
          callback: status?.bizOpaqueCallbackData,
          signed: verifySignature(raw, req.headers['x-hub-signature-256'] as string, 'app-secret'),
        });
        res.writeHead(200).end('EVENT_RECEIVED');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const withCallback = await startFakeGraphApi({
      statusCallback: {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`,
        appSecret: 'app-secret',
        statuses: ['sent', 'delivered'],
      },
    });
    try {
      const res = await fetch(`${withCallback.url}/v23.0/106000000000001/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...text(), biz_opaque_callback_data: 'outbox:abc' }),
      });
      expect(res.status).toBe(200);
      await expect.poll(() => withCallback.statusCallbacks().posted).toBe(2);
      await withCallback.statusCallbacksIdle();
      expect(received).toEqual([
        { status: 'sent', callback: 'outbox:abc', signed: true },
        { status: 'delivered', callback: 'outbox:abc', signed: true },
      ]);
      expect(refusals).toBe(0);
    } finally {
      await withCallback.close();
      await new Promise((r) => server.close(r));
    }
  });
});
