import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, onUnauthorized, request } from './http.ts';

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request', () => {
  it('sends JSON with the session cookie and returns the parsed answer', async () => {
    const fetch = answer(200, { flows: [] });
    vi.stubGlobal('fetch', fetch);
    await expect(request('POST', '/api/flows', { name: 'A' })).resolves.toEqual({ flows: [] });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/flows');
    expect(init.credentials).toBe('include');
    expect(init.body).toBe('{"name":"A"}');
    expect(init.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('turns the API error shape into an ApiError with status, code, message and details', async () => {
    vi.stubGlobal(
      'fetch',
      answer(409, { error: { code: 'conflict', message: 'Outra pessoa salvou', details: { revision: 7 } } }),
    );
    const error = await request('PUT', '/api/flows/1', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'Outra pessoa salvou',
      details: { revision: 7 },
    });
  });

  it('explains an answer without the error shape and an unreachable server', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })),
    );
    await expect(request('GET', '/api/flows')).rejects.toMatchObject({ status: 502, code: 'http_502' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(request('GET', '/api/flows')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('announces an expired session unless the caller expects a 401', async () => {
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    vi.stubGlobal('fetch', answer(401, { error: { code: 'unauthenticated', message: 'Entre de novo' } }));
    await request('GET', '/api/auth/me', undefined, { quiet401: true }).catch(() => undefined);
    expect(listener).not.toHaveBeenCalled();
    await request('GET', '/api/flows').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it('accepts an empty success answer (204)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(request('DELETE', '/api/flows/1')).resolves.toBeNull();
  });
});
