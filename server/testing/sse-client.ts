import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { StudioEvent } from '../../shared/api/events.ts';
import { until } from './until.ts';

/** A real HTTP client on `GET /api/events`, collecting the events it reads until closed. */
export async function listen(baseUrl: string, token: string) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const events: StudioEvent[] = [];
  let ready = false;
  let ended = false;
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (block.includes('event: ready')) ready = true;
          else {
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (data) events.push(JSON.parse(data.slice(6)) as StudioEvent);
          }
        }
      }
    } catch {
      // Aborted by the test.
    }
    ended = true;
  })();
  await until('the stream is open', () => ready, 5000);
  return {
    res,
    events,
    get ended() {
      return ended;
    },
    close: () => controller.abort(),
  };
}

export function serveOnFreePort(app: {
  fetch: (r: Request) => Response | Promise<Response>;
}): Promise<{ url: string; server: Server }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ url: `http://127.0.0.1:${info.port}`, server: server as Server });
    }) as Server;
  });
}
