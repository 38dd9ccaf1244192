import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRawBody } from './raw-body.ts';

const limit = 1024;
const app = new Hono();
app.post('/echo', async (c) => {
  const body = await readRawBody(c, limit);
  if (!body.ok) return c.text(body.reason, body.reason === 'too_large' ? 413 : 400);
  return c.body(Buffer.from(body.bytes).toString('hex'));
});

/** Posts over a real socket; `chunked` sends without a Content-Length, in two writes. */
function post(url: string, body: Buffer, { chunked = false } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: chunked ? {} : { 'content-length': String(body.length) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    if (chunked) {
      req.write(body.subarray(0, body.length >> 1));
      req.end(body.subarray(body.length >> 1));
    } else {
      req.end(body);
    }
  });
}

describe('readRawBody on the Node server', () => {
  let server: ServerType;
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('returns the exact bytes, multi-byte UTF-8 included, sent whole or chunked', async () => {
    const body = Buffer.from('{"text":"Olá, ação ✓"}', 'utf8');
    expect(await post(url, body)).toEqual({ status: 200, text: body.toString('hex') });
    expect(await post(url, body, { chunked: true })).toEqual({ status: 200, text: body.toString('hex') });
  });

  it('refuses a body past the limit, declared or streamed, with 413', async () => {
    const big = Buffer.alloc(limit + 1, 'a');
    expect((await post(url, big)).status).toBe(413);
    expect((await post(url, big, { chunked: true })).status).toBe(413);
    // Exactly at the limit is fine.
    expect((await post(url, Buffer.alloc(limit, 'a'))).status).toBe(200);
  });

  it('reads through Hono when there is no Node request (app.request in tests)', async () => {
    const ok = await app.request('/echo', { method: 'POST', body: 'abc' });
    expect(await ok.text()).toBe(Buffer.from('abc').toString('hex'));
    expect((await app.request('/echo', { method: 'POST', body: 'a'.repeat(limit + 1) })).status).toBe(413);
  });
});
