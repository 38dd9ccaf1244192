import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { StudioEvent } from '../../shared/api/events.ts';
import type { Db } from '../db/database.ts';
import type { Role } from '../db/tables.ts';
import { agentHears, audienceOf, type Audience } from '../events/audience.ts';
import { createRouter } from '../http/router.ts';

/**
 * The studio's live updates (`text/event-stream`): each event is one `data:` line of JSON naming
 * what changed (shared/api/events.ts). Any signed-in role may listen; each hears only what its
 * pages show. EventSource sends the session cookie and reconnects on its own.
 */
export const eventRoutes = createRouter();

/** Proxies close connections that stay silent (nginx after 60 s by default): a comment now and then keeps it open. */
export const heartbeatMs = 15_000;

/**
 * One lookup per event, shared by every stream that hears it: the bus hands the same object to
 * each subscriber. Weak, so an event is forgotten once every stream wrote or dropped it.
 */
const audiences = new WeakMap<StudioEvent, Promise<Audience | null>>();

function audience(db: Db, event: StudioEvent): Promise<Audience | null> {
  let found = audiences.get(event);
  if (!found) {
    // An event is a hint: when its handoff cannot be read, only those who see everything hear it.
    found = audienceOf(db, event).catch(() => ({ assignedUserId: null, teamMemberIds: [] }));
    audiences.set(event, found);
  }
  return found;
}

/**
 * Conversations and handoffs are the inbox's: admins and supervisors hear all, an agent those
 * they may open (events/audience.ts). Campaigns are the admins'.
 */
function hears(db: Db, actor: { role: Role; userId: string | null }, event: StudioEvent): Promise<boolean> | boolean {
  if (actor.role === 'admin') return true;
  if (event.type === 'campaign.progress') return false;
  if (actor.role === 'supervisor') return true;
  if (actor.role !== 'agent') return false;
  return audience(db, event).then((a) => agentHears(actor.userId, event, a));
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
    const { events: bus, db } = c.var.deps;
    const { actor } = c.var;
    const response = streamSSE(c, async (stream) => {
      if (!bus) return;
      // In the order published; each waits for its audience before the next is written.
      const pending: { event: StudioEvent; heard: Promise<boolean> | boolean }[] = [];
      let ended = false;
      let wake: (() => void) | null = null;
      const nudge = () => {
        wake?.();
      };
      const unsubscribe = bus.subscribe(
        (event) => {
          const heard = hears(db, actor, event);
          if (heard === false) return;
          pending.push({ event, heard });
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
            const next = pending.shift();
            if (next && (await next.heard)) await stream.writeSSE({ data: JSON.stringify(next.event) });
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
