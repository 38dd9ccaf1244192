import { createRoute, z } from '@hono/zod-openapi';
import { aiRunsResponse, type AiRunView } from '../../shared/api/ai-runs.ts';
import { conversationAiRuns } from '../db/queries/ai-runs.ts';
import { findContact } from '../db/queries/contacts.ts';
import type { Row } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { createRouter, json } from '../http/router.ts';
import { assertContactNotHeldByOther } from './handoff-access.ts';

/**
 * What the AI agent did in a conversation: each turn's tool calls with arguments and results,
 * tokens and cost. For the people who read conversations (admins and agents), never the contact.
 */
export const aiRunRoutes = createRouter();
aiRunRoutes.use('*', requireRole('agent'));
const runsShown = 100;

const toView = (r: Row<'ai_runs'>): AiRunView => ({
  id: r.id,
  at: new Date(r.created_at).toISOString(),
  sessionId: r.session_id,
  nodeId: r.node_id,
  provider: r.provider,
  model: r.model,
  outcome: r.outcome,
  error: r.error,
  steps: r.steps,
  inputTokens: r.input_tokens,
  outputTokens: r.output_tokens,
  costUsd: Number(r.cost_usd),
  toolCalls: (Array.isArray(r.tool_calls) ? r.tool_calls : []) as AiRunView['toolCalls'],
});

aiRunRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/ai-runs',
    tags: ['conversations'],
    request: { params: z.object({ id: z.string().min(1).max(100) }) },
    responses: { 200: json(aiRunsResponse, "The AI agent's latest turns in this conversation, oldest first") },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const contact = await findContact(db, c.req.valid('param').id);
    if (!contact) throw notFound('Conversa');
    await assertContactNotHeldByOther(db, c.var.actor, contact.id);
    const rows = await conversationAiRuns(db, contact.id, runsShown);
    return c.json({ runs: rows.reverse().map(toView) }, 200);
  },
);
