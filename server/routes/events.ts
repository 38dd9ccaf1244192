import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { StudioEvent } from '../../shared/api/events.ts';
import type { Role } from '../db/tables.ts';
import { createRouter } from '../http/router.ts';

/**
 * The studio's live updates (`text/event-stream`): each event is one `data:` line of JSON naming
 * what changed (shared/api/events.ts). Any signed-in role may listen; each hears only what its
 * pages show. EventSource sends the session cookie and reconnects on its own.
 */
export const eventRoutes = createRouter();

/** Proxies close connections that stay silent (nginx after 60 s by default): a comment now and then keeps it open. */
export const heartbeatMs = 15_000;

/** Conversations and handoffs are the inbox's (admins, agents); campaigns are the admins'. */
function hears(role: Role, event: StudioEvent): boolean {
  if (role === 'admin') return true;
  if (event.type === 'campaign.progress') return false;
  return role === 'agent' || role === 'supervisor';
}

eventRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['events'],
    responses: {
      200: {
        description:
          'Server-sent events, one JSON `StudioEvent` per `data:` line, until the client leaves or the server stops',
        content: { 'text/event-stream': { schema: z.string() } },
      },
    },
  }),
  (c) => {
    const bus = c.var.deps.events;
    const { role } = c.var.actor;
    const response = streamSSE(c, async (stream) => {
      if (!bus) return;
      const pending: StudioEvent[] = [];
      let ended = false;
      let wake: (() => void) | null = null;
      const nudge = () => {
        wake?.();
      };
      const unsubscribe = bus.subscribe(
        (event) => {
          if (!hears(role, event)) return;
          pending.push(event);
          nudge();
        },
        () => {
          ended = true;
          nudge();
        },
      );
      stream.onAbort(() => {
        ended = true;
        nudge();
      });
      try {
        // Says the stream is open, so a client knows that what happens from now on reaches it.
        await stream.writeSSE({ event: 'ready', data: '{}' });
        while (!ended && !stream.aborted) {
          while (pending.length) {
            const event = pending.shift();
            if (event) await stream.writeSSE({ data: JSON.stringify(event) });
          }
          let timer: ReturnType<typeof setTimeout> | undefined;
          const beat = await new Promise<boolean>((resolve) => {
            wake = () => resolve(false);
            timer = setTimeout(() => resolve(true), heartbeatMs);
            if (pending.length || ended) resolve(false);
          });
          clearTimeout(timer);
          wake = null;
          if (beat && !ended) await stream.write(': ping\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
    // Buffering proxies would hold events back until the buffer fills.
    response.headers.set('x-accel-buffering', 'no');
    response.headers.set('cache-control', 'no-cache, no-store');
    // The OpenAPI handler types expect a typed JSON answer; a stream is a plain Response.
    return response as never;
  },
);
