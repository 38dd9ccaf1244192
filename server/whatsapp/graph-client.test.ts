import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeGraph, startFakeGraphApi } from '../testing/fake-graph-api.ts';
import { createGraphClient, GraphApiError } from './graph-client.ts';
import { toGraphMessage } from './to-graph-message.ts';

const token = 'token-channel-a';
const phone = '106000000000001';
const ana = { waId: '5584991230001', userId: null };
let fake: FakeGraph;
let client: ReturnType<typeof createGraphClient>;

beforeAll(async () => {
  fake = await startFakeGraphApi({ expectedToken: token });
  client = createGraphClient({ baseUrl: `${fake.url}/`, version: 'v23.0', timeoutMs: 2000 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const hello = () => toGraphMessage({ kind: 'text', text: 'Olá!' }, ana)[0]!;

describe('sendMessage', () => {
  it('posts the payload with the bearer token and returns the wamid', async () => {
    const result = await client.sendMessage(phone, token, hello());
    expect(result).toEqual({ ok: true, wamid: expect.stringMatching(/^wamid\./) });
    const [sent] = fake.sent();
    expect(sent).toMatchObject({
      method: 'POST',
      path: `/v23.0/${phone}/messages`,
      phoneNumberId: phone,
      token,
      body: hello(),
      status: 200,
    });
    expect(result.ok && result.wamid).toBe(sent?.wamid);
  });

  it('reuses connections instead of opening one per send (keep-alive)', async () => {
    for (let i = 0; i < 10; i += 1) expect((await client.sendMessage(phone, token, hello())).ok).toBe(true);
    // undici may alternate between two pooled sockets while the previous one is released.
    expect(new Set(fake.requests.map((r) => r.connection)).size).toBeLessThanOrEqual(2);
  });

  it('classifies a throughput error and honours Retry-After, then succeeds', async () => {
    fake.failNext(1, { status: 400, code: 130429, message: '(#130429) Rate limit hit', retryAfter: 3 });
    expect(await client.sendMessage(phone, token, hello())).toEqual({
      ok: false,
      error: {
        kind: 'rate_limit',
        code: 130429,
        message: '(#130429) Rate limit hit — (#130429) Rate limit hit',
        retryAfterMs: 3000,
      },
    });
    expect((await client.sendMessage(phone, token, hello())).ok).toBe(true);
    expect(fake.sent()).toHaveLength(1);
  });

  it('fails only the recipient a fault is aimed at', async () => {
    fake.failNext(1, { status: 400, code: 131047, to: '5584991230002' });
    expect((await client.sendMessage(phone, token, hello())).ok).toBe(true);
    const other = toGraphMessage({ kind: 'text', text: 'oi' }, { waId: '5584991230002', userId: null })[0]!;
    const result = await client.sendMessage(phone, token, other);
    expect(result).toMatchObject({ ok: false, error: { kind: 'window_closed', code: 131047 } });
  });

  it('reports a wrong token as auth (code 190)', async () => {
    expect(await client.sendMessage(phone, 'stale-token', hello())).toMatchObject({
      ok: false,
      error: { kind: 'auth', code: 190 },
    });
  });

  it('reports a 5xx as retry', async () => {
    fake.failNext(1, { status: 503, code: 2 });
    expect(await client.sendMessage(phone, token, hello())).toMatchObject({
      ok: false,
      error: { kind: 'retry', code: 2 },
    });
  });

  it('reports a payload Meta would reject as permanent', async () => {
    const tooMany = {
      ...hello(),
      type: 'interactive',
      interactive: { type: 'button', body: { text: 'b' }, action: { buttons: [] } },
    };
    expect(await client.sendMessage(phone, token, tooMany)).toMatchObject({
      ok: false,
      error: { kind: 'permanent', code: 131009 },
    });
  });

  it('reports a timeout as retry', async () => {
    fake.delayMs = 300;
    const slow = createGraphClient({ baseUrl: fake.url, version: 'v23.0', timeoutMs: 50 });
    expect(await slow.sendMessage(phone, token, hello())).toEqual({
      ok: false,
      error: { kind: 'retry', code: null, message: 'no answer within 50 ms' },
    });
  });

  it('reports an unreachable server as retry', async () => {
    const gone = await startFakeGraphApi();
    const url = gone.url;
    await gone.close();
    const result = await createGraphClient({ baseUrl: url, version: 'v23.0', timeoutMs: 1000 }).sendMessage(
      phone,
      token,
      hello(),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'retry', code: null, message: expect.stringMatching(/^network error/) },
    });
    // Refused: nothing was written, so sending again cannot duplicate it.
    expect(result.ok === false && result.error.notSent).toBe(true);
  });

  it('does not call a connection reset after the request went out "not sent" (Meta may have it)', async () => {
    const server = createServer((req) => req.socket.destroy());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const result = await createGraphClient({
      baseUrl: `http://127.0.0.1:${port}`,
      version: 'v23.0',
      timeoutMs: 1000,
    }).sendMessage(phone, token, hello());
    server.close();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'retry', code: null, message: expect.stringMatching(/^network error/) },
    });
    expect(result.ok === false && result.error.notSent).toBeFalsy();
  });

  it('gives up on a 200 without a message id (retrying could duplicate it)', async () => {
    const server = createServer((_req, res) =>
      res.end(JSON.stringify({ messaging_product: 'whatsapp', messages: [] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const odd = createGraphClient({ baseUrl: `http://127.0.0.1:${port}`, version: 'v23.0', timeoutMs: 1000 });
    try {
      expect(await odd.sendMessage(phone, token, hello())).toMatchObject({ ok: false, error: { kind: 'permanent' } });
    } finally {
      odd.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('markAsRead', () => {
  it('marks read, with the typing indicator when asked', async () => {
    expect(await client.markAsRead(phone, token, 'wamid.IN1', { typing: true })).toEqual({ ok: true });
    expect(fake.requests[0]).toMatchObject({
      kind: 'read',
      body: {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: 'wamid.IN1',
        typing_indicator: { type: 'text' },
      },
    });
    expect(fake.sent()).toEqual([]);
  });

  it('reports errors like sends', async () => {
    expect(await client.markAsRead(phone, 'bad', 'wamid.IN1')).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });
});

describe('media', () => {
  const bytes = new Uint8Array(Array.from({ length: 70_000 }, (_, i) => i % 251));

  it('looks up a media id and downloads it with the token', async () => {
    fake.addMedia('1200000000000001', bytes, 'image/jpeg');
    const info = await client.getMedia('1200000000000001', token);
    expect(info).toEqual({
      url: expect.stringContaining(fake.url),
      mimeType: 'image/jpeg',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fileSize: bytes.length,
    });
    const downloaded = await client.downloadMedia(info.url, token, 1_000_000);
    expect(Buffer.from(downloaded).equals(Buffer.from(bytes))).toBe(true);
    expect(fake.requests.map((r) => [r.kind, r.token])).toEqual([
      ['media', token],
      ['download', token],
    ]);
  });

  it('refuses a file over the size cap', async () => {
    fake.addMedia('m1', bytes, 'video/mp4');
    const { url } = await client.getMedia('m1', token);
    await expect(client.downloadMedia(url, token, 1000)).rejects.toThrow(/larger than 1000 bytes/);
  });

  it('throws a classified error for an unknown media id or a bad token', async () => {
    const unknown = await client.getMedia('nope', token).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(GraphApiError);
    expect((unknown as GraphApiError).error).toMatchObject({ kind: 'permanent', code: 100 });
    fake.addMedia('m2', bytes, 'image/png');
    const { url } = await client.getMedia('m2', token);
    await expect(client.downloadMedia(url, 'bad', 1_000_000)).rejects.toMatchObject({
      error: { kind: 'auth', code: 190 },
    });
  });

  it('downloads from another origin only if it is a public address (the URL comes from an answer)', async () => {
    fake.addMedia('m3', bytes, 'image/png');
    const { url } = await client.getMedia('m3', token);
    // Same fake, other origins: a name resolving to loopback and an IPv4-mapped spelling of it.
    for (const host of ['localhost', '[::ffff:7f00:1]']) {
      const elsewhere = url.replace('127.0.0.1', host);
      const error = await client.downloadMedia(elsewhere, token, 1_000_000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphApiError);
      // Permanent: the media fetcher records it instead of retrying forever.
      expect((error as GraphApiError).error).toMatchObject({
        kind: 'permanent',
        message: expect.stringMatching(/not a public address/),
      });
    }
    expect(fake.requests.map((r) => r.kind)).toEqual(['media']);
  });
});
