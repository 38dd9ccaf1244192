import { randomUUID } from 'node:crypto';
import type { SimulateRequest, SimulateResponse } from '../../shared/api/simulate.ts';
import type { FlowDocument } from '../../shared/flow/schema.ts';
import type { SessionEvent } from '../../runtime/events.ts';
import type { Ports } from '../../runtime/ports.ts';
import { sessionState, type SessionState } from '../../runtime/session.ts';
import { step } from '../../runtime/step.ts';
import type { Db } from '../db/database.ts';
import { databaseQrStore } from '../payments/qr-store.ts';

/** The simulator's session is pinned to the draft, whatever it says at each turn. */
const draftVersion = 'draft';

function eventFor(req: SimulateRequest, session: SessionState | null): SessionEvent | null {
  if (req.reply) return { type: 'message', content: { kind: 'reply', id: req.reply.id, title: req.reply.title } };
  if (req.text !== undefined) return { type: 'message', content: { kind: 'text', text: req.text } };
  if (req.fireTimer) return session?.awaiting?.timerKey ? { type: 'timer', key: session.awaiting.timerKey } : null;
  if (req.resolveHandoff) return { type: 'handoff_resolved' };
  return { type: 'start', variables: req.variables ?? {} };
}

/**
 * Runs the draft through the same engine WhatsApp uses, for a test contact. Effects that
 * would change the world (orders, handoffs, timers) are not carried out: the simulator
 * shows the messages and where the session stands. A Pix charge's QR image is kept, as the
 * message showing it links to it.
 */
export async function simulate(
  db: Db,
  flowId: string,
  flow: FlowDocument,
  req: SimulateRequest,
  ports: Ports,
  contact: { name: string; phone: string },
): Promise<SimulateResponse> {
  const stored = req.sessionId
    ? await db
        .selectFrom('simulator_sessions')
        .select('state')
        .where('id', '=', req.sessionId)
        .where('flow_id', '=', flowId)
        .executeTakeFirst()
    : undefined;
  const parsed = stored ? sessionState.safeParse(stored.state) : null;
  const session = parsed?.success ? parsed.data : null;
  const sessionId = session && req.sessionId ? req.sessionId : randomUUID();

  const event = eventFor(req, session);
  const result = event
    ? await step({
        flow,
        flowVersionId: draftVersion,
        session: event.type === 'start' ? null : session,
        event,
        contact,
        ports,
        // null: the contact has not written within the window; undefined keeps it open.
        ...(req.windowClosed ? { lastInboundAt: null } : {}),
      })
    : {
        session:
          session ??
          sessionState.parse({
            v: 1,
            flowVersionId: draftVersion,
            status: 'ended',
            nodeId: null,
            awaiting: null,
            variables: {},
            history: [],
          }),
        effects: [],
      };

  // The simulator's Pix charges keep their QR image too, so the link it shows loads (no order is made).
  for (const e of result.effects) if (e.type === 'request_payment') await databaseQrStore.save(db, e.reference, e.code);

  await db
    .insertInto('simulator_sessions')
    .values({ id: sessionId, flow_id: flowId, state: JSON.stringify(result.session), updated_at: ports.clock.now() })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ state: JSON.stringify(result.session), updated_at: ports.clock.now() }),
    )
    .execute();

  return {
    sessionId,
    messages: result.effects.flatMap((e) => (e.type === 'send' ? [e.message] : [])),
    nodeId: result.session.nodeId,
    status: result.session.status,
    variables: { ...result.session.variables },
    timerPending: Boolean(result.session.awaiting?.timerKey),
    error: result.session.error,
  };
}
