import { indexFlow, targetOf, type FlowIndex } from '../shared/flow/graph.ts';
import { windowClosedOutput, windowSensitiveTypes } from '../shared/flow/nodes/outputs.ts';
import type { FlowDocument, FlowNode } from '../shared/flow/schema.ts';
import { StepContext, type Contact } from './context.ts';
import type { Effect } from './effects.ts';
import type { InboundContent, SessionEvent } from './events.ts';
import type { Executor, Outcome, Resume } from './executor.ts';
import { normalizeText } from './lib/normalize.ts';
import { executors } from './nodes/index.ts';
import type { Ports } from './ports.ts';
import { appendHistory, newSession, type Awaiting, type Json, type SessionState } from './session.ts';
import { describeContent } from './text.ts';

/** Node visits allowed in one step; a flow looping without input is stopped here. */
export const maxVisitsPerStep = 200;

export interface StepInput {
  flow: FlowDocument;
  flowVersionId: string;
  session: SessionState | null;
  event: SessionEvent;
  contact: Contact;
  ports: Ports;
  /**
   * When the contact last wrote (for the 24-hour window): null when never; omitted when
   * unknown, which keeps the window open (simulator, callers that predate it).
   */
  lastInboundAt?: Date | null;
}

export interface StepResult {
  session: SessionState;
  effects: Effect[];
}

/**
 * Advances one contact's session by one event: runs node after node until the flow
 * needs input or ends, and returns the new session with the effects to commit.
 * Pure apart from the injected ports; never throws on anything a contact sends.
 */
export async function step(input: StepInput): Promise<StepResult> {
  const { flow, event } = input;
  const index = indexFlow(flow);
  const live = input.session && input.session.status !== 'ended' ? input.session : null;
  // An ignored event leaves things as they were; with no session yet, as an ended one.
  const unchanged = (): StepResult => ({
    session: input.session ?? { ...newSession(input.flowVersionId), status: 'ended' },
    effects: [],
  });

  if (event.type === 'start') return start(input, index, live, event.variables ?? {}, null);

  if (event.type === 'timer') {
    if (!live || live.status !== 'active' || live.awaiting?.timerKey !== event.key) return unchanged();
    return resume(input, index, live, { type: 'timeout' });
  }

  if (event.type === 'handoff_resolved') {
    if (!live || live.status !== 'handoff') return unchanged();
    return resume(input, index, { ...live, status: 'active' }, { type: 'resolved' });
  }

  if (event.type === 'payment_confirmed') {
    if (!live || live.status !== 'active' || live.awaiting?.kind !== 'payment') return unchanged();
    return resume(input, index, live, { type: 'paid', reference: event.reference });
  }

  const said = describeContent(event.content);
  if (live?.status === 'handoff') {
    // The server routes these to the agent; the bot stays silent but remembers them.
    return { session: { ...live, history: appendHistory(live.history, { role: 'contact', text: said }) }, effects: [] };
  }
  if (!live || isStartKeyword(index, event.content)) return start(input, index, live, {}, said);
  const withHistory = { ...live, history: appendHistory(live.history, { role: 'contact', text: said }) };
  // A 👍 on an earlier message is not an answer; replying "I can't read that" to it would be odd.
  if (event.content.kind === 'reaction') return { session: withHistory, effects: [] };
  return resume(input, index, withHistory, { type: 'message', content: event.content });
}

function isStartKeyword(index: FlowIndex, content: InboundContent): boolean {
  if (content.kind !== 'text' || index.start?.type !== 'start') return false;
  const typed = normalizeText(content.text);
  return typed !== '' && index.start.data.keywords.some((k) => normalizeText(k) === typed);
}

function initialVariables(flow: FlowDocument, extra: Record<string, Json>): Record<string, Json> {
  const vars: Record<string, Json> = {};
  for (const v of flow.variables) vars[v.name] = v.initial;
  return { ...vars, ...extra };
}

async function start(
  input: StepInput,
  index: FlowIndex,
  previous: SessionState | null,
  variables: Record<string, Json>,
  said: string | null,
): Promise<StepResult> {
  const session = newSession(input.flowVersionId, initialVariables(input.flow, variables));
  if (said !== null) session.history = appendHistory(previous?.history ?? [], { role: 'contact', text: said });
  const ctx = contextFor(input, session, '');
  if (previous?.awaiting?.timerKey) ctx.emit({ type: 'cancel_timer', key: previous.awaiting.timerKey });
  if (!index.start) return finish(ctx, 'O fluxo não tem nó de início.');
  await run(ctx, index, index.start.id);
  return { session: ctx.session, effects: ctx.effects };
}

async function resume(input: StepInput, index: FlowIndex, live: SessionState, why: Resume): Promise<StepResult> {
  // Executors replace session fields rather than mutating them, so a shallow copy keeps the caller's object intact.
  const session = { ...live };
  const ctx = contextFor(input, session, session.nodeId ?? '');
  const node = session.nodeId ? index.nodes.get(session.nodeId) : undefined;
  const executor = node ? (executors[node.type] as Executor<FlowNode['type']>) : undefined;
  const awaiting = session.awaiting;
  if (!node || !executor?.resume || !awaiting) {
    return finish(ctx, `A sessão esperava no nó "${session.nodeId}", que não existe ou não espera resposta.`);
  }
  const outcome = await executor.resume(node as never, ctx, awaiting, why);
  if (outcome.type === 'unreadable') {
    ctx.send({ kind: 'text', text: ctx.render(input.flow.settings.fallbackMessage) });
    return { session: ctx.session, effects: ctx.effects };
  }
  if (
    awaiting.timerKey &&
    why.type !== 'timeout' &&
    !(outcome.type === 'wait' && outcome.awaiting.timerKey === awaiting.timerKey)
  ) {
    ctx.emit({ type: 'cancel_timer', key: awaiting.timerKey });
  }
  const next = follow(ctx, index, node, outcome);
  if (next !== undefined) await run(ctx, index, next);
  return { session: ctx.session, effects: ctx.effects };
}

function contextFor(input: StepInput, session: SessionState, nodeId: string): StepContext {
  const ctx = new StepContext(session, input.ports, input.contact, input.flow, nodeId);
  // The contact's own message opens (or renews) the window for everything this step sends.
  ctx.lastInboundAt = input.event.type === 'message' ? ctx.now : input.lastInboundAt;
  return ctx;
}

/**
 * A block that would send a free-form message while the window is closed leaves through
 * `window_closed` instead (no edge: the conversation ends quietly) rather than failing at
 * Meta. Message blocks decide themselves: they may have a template to send instead.
 */
function closedWindowOutcome(ctx: StepContext, node: FlowNode): Outcome | null {
  if (node.type === 'message' || !windowSensitiveTypes.has(node.type) || ctx.windowOpen()) return null;
  return { type: 'output', output: windowClosedOutput };
}

async function run(ctx: StepContext, index: FlowIndex, firstId: string): Promise<void> {
  let nodeId: string | undefined = firstId;
  let visits = 0;
  while (nodeId !== undefined) {
    if (++visits > maxVisitsPerStep) {
      finish(ctx, `Parado após ${maxVisitsPerStep} nós sem esperar resposta: o fluxo parece estar em loop.`);
      return;
    }
    const node = index.nodes.get(nodeId);
    if (!node) {
      finish(ctx, `O nó "${nodeId}" não existe neste fluxo.`);
      return;
    }
    ctx.nodeId = node.id;
    ctx.emit({ type: 'analytics', nodeId: node.id, kind: 'enter' });
    // `executors[node.type]` and `node` match by construction; TypeScript cannot correlate them.
    const executor = executors[node.type] as Executor<FlowNode['type']>;
    const outcome = closedWindowOutcome(ctx, node) ?? (await executor.enter(node as never, ctx));
    nodeId = follow(ctx, index, node, outcome);
  }
}

/** Applies an outcome; returns the next node to run when the flow goes on within this step. */
function follow(ctx: StepContext, index: FlowIndex, node: FlowNode, outcome: Outcome): string | undefined {
  switch (outcome.type) {
    case 'wait':
      ctx.session.nodeId = node.id;
      ctx.session.awaiting = outcome.awaiting;
      ctx.session.status = outcome.awaiting.kind === 'agent' ? 'handoff' : 'active';
      return undefined;
    case 'unreadable':
      // Only meaningful on resume; on enter it would leave the node with nowhere to go.
      finish(ctx, null);
      return undefined;
    case 'end':
      finish(ctx, null);
      return undefined;
    case 'jump':
      ctx.emit({ type: 'analytics', nodeId: node.id, kind: 'exit' });
      return outcome.nodeId;
    case 'output': {
      ctx.emit({ type: 'analytics', nodeId: node.id, kind: 'exit', output: outcome.output });
      const target = targetOf(index, node.id, outcome.output);
      if (target === undefined) {
        finish(ctx, null); // An output with no edge ends the conversation gracefully.
        return undefined;
      }
      return target;
    }
  }
}

function finish(ctx: StepContext, error: string | null): StepResult {
  ctx.session.status = 'ended';
  ctx.session.nodeId = null;
  ctx.session.awaiting = null;
  ctx.session.error = error;
  return { session: ctx.session, effects: ctx.effects };
}
