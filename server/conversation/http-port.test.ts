import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../runtime/ports.ts';
import { createHttpPort } from './http-port.ts';

/** A server on every loopback interface holding a "secret", counting who reached it. */
let server: Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits += 1;
    res.end('{"secret":"internal"}');
  });
  // `::` is dual-stack: reachable as 127.0.0.1, ::1 and every IPv4-mapped spelling.
  await new Promise<void>((resolve) => server.listen(0, '::', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (url: string): HttpRequest => ({ method: 'GET', url, headers: {}, body: '', timeoutMs: 2000 });

describe('HTTP node port (SSRF guard)', () => {
  it('reaches the loopback server only when private addresses are allowed', async () => {
    const open = createHttpPort({ allowPrivate: true });
    expect(await open(get(`http://127.0.0.1:${port}/`))).toEqual({ status: 200, body: '{"secret":"internal"}' });
    expect(await open(get(`http://[::ffff:7f00:1]:${port}/`))).toMatchObject({ status: 200 });
  });

  it.each([
    'http://127.0.0.1:PORT/',
    'http://[::ffff:7f00:1]:PORT/',
    'http://[::ffff:127.0.0.1]:PORT/',
    'http://[0:0:0:0:0:ffff:127.0.0.1]:PORT/',
    'http://[::ffff:0.0.0.0]:PORT/',
    'http://0.0.0.0:PORT/',
    'http://[::]:PORT/',
    'http://[::1]:PORT/',
    'http://localhost:PORT/',
    'http://2130706433:PORT/',
    'http://0x7f.1:PORT/',
    'http://127.1:PORT/',
    'http://[::ffff:a9fe:a9fe]:PORT/latest/meta-data/',
    'http://[64:ff9b::7f00:1]:PORT/',
  ])('refuses %s before any byte reaches the server', async (spelling) => {
    const guarded = createHttpPort({ allowPrivate: false });
    const before = hits;
    await expect(guarded(get(spelling.replace('PORT', String(port))))).rejects.toThrow(
      /not a public address.*HTTP_NODE_ALLOW_PRIVATE/,
    );
    expect(hits).toBe(before);
  });

  it('still refuses other schemes', async () => {
    await expect(createHttpPort({ allowPrivate: true })(get('file:///etc/passwd'))).rejects.toThrow(
      /scheme file: is not allowed/,
    );
  });
});
