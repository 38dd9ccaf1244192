import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../testing/until.ts';
import { createGraphClient } from './graph-client.ts';
import { createJsonTransport, type JsonTransport } from './json-transport.ts';

/**
 * Issue 24 item 5 (a): a kept-alive socket that the server closed for idleness, reused by us
 * before we noticed the close, fails the send with a reset and no answer. For a send that is
 * "in doubt" (Meta may have it), so the reply, and every later reply of that contact, waited
 * the reconcile delay (15 s). Nothing on the wire can prove such a request unread, so the fix
 * is not to reuse a socket the server may be closing: here a server closes sockets idle for
 * 300 ms without announcing it (no `Keep-Alive: timeout` hint, like many proxies).
 */
describe('json transport over kept-alive sockets', () => {
  let server: Server | undefined;
  let transport: JsonTransport | undefined;
  afterEach(async () => {
    transport?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function startServer() {
    const sockets: Socket[] = [];
    let requests = 0;
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        requests += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"messaging_product":"whatsapp","messages":[{"id":"wamid.TEST"}]}');
      });
    });
    // Idle sockets are closed by the test itself (below), with no hint sent to the client.
    server.keepAliveTimeout = 0;
    server.on('connection', (s: Socket) => sockets.push(s));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v23.0/1/messages`;
    return { url, sockets, requests: () => requests };
  }

  const busyWait = (ms: number) => {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      /* the single database thread is busy */
    }
  };

  it('does not reuse a socket the server may have closed while the event loop was stalled', async () => {
    const s = await startServer();
    transport = createJsonTransport({ timeoutMs: 2000, maxIdleMs: 100 });
    expect((await transport.send('POST', s.url, {}, '{"n":1}')).status).toBe(200);
    await until('the server to see one connection', () => s.sockets.length === 1, 2000);

    // The event loop is stalled (a long statement on embedded PGlite) past our idle limit, and
    // meanwhile the server gives up the idle socket. Our timers and the server's FIN wait
    // behind the stall; the send that comes right after it must not pick that socket.
    const second = await new Promise<Promise<unknown>>((resolve) =>
      setImmediate(() => {
        busyWait(150);
        s.sockets[0]!.resetAndDestroy();
        busyWait(30);
        resolve(
          transport!.send('POST', s.url, {}, '{"n":2}').then(
            (a) => a.status,
            (err: Error) => err.message,
          ),
        );
      }),
    );
    expect(await second).toBe(200);
    expect(s.requests()).toBe(2);
    expect(s.sockets).toHaveLength(2);
  });

  it('calls a send provably not sent when writing its request failed, so it need not wait to be reconciled', async () => {
    const s = await startServer();
    // Sockets kept as long as the agent likes: the race can still happen, and must be told apart.
    const graph = createGraphClient({
      baseUrl: s.url.replace(/\/v23.*$/, ''),
      version: 'v23.0',
      timeoutMs: 2000,
      maxIdleMs: 60_000,
    });
    try {
      expect(
        (await graph.sendMessage('1', 'token', { to: '5584999990000', type: 'text', text: { body: 'oi' } })).ok,
      ).toBe(true);
      await until('the server to see one connection', () => s.sockets.length === 1, 2000);
      const result = await new Promise<ReturnType<typeof graph.sendMessage>>((resolve) =>
        setImmediate(() => {
          s.sockets[0]!.resetAndDestroy();
          busyWait(30);
          resolve(graph.sendMessage('1', 'token', { to: '5584999990000', type: 'text', text: { body: 'de novo' } }));
        }),
      );
      expect(result).toMatchObject({ ok: false, error: { kind: 'retry', code: null, notSent: true } });
      expect(s.requests()).toBe(1);
    } finally {
      graph.close();
    }
  });

  it('keeps reusing a socket that is busy (keep-alive still saves the handshakes)', async () => {
    const s = await startServer();
    transport = createJsonTransport({ timeoutMs: 2000, maxIdleMs: 1000 });
    for (let i = 0; i < 5; i++) expect((await transport.send('POST', s.url, {}, `{"n":${i}}`)).status).toBe(200);
    expect(s.sockets).toHaveLength(1);
  });
});
