import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AiRun } from '../../../runtime/effects.ts';
import type { Db, Executor, Tx } from '../database.ts';
import type { DashboardFilter } from './dashboard.ts';

/** Records agent turns in the transaction that commits the step they came from. */
export async function insertAiRuns(
  tx: Tx,
  runs: { contactId: string; sessionId: string; flowId: string; run: AiRun }[],
  now: Date,
): Promise<void> {
  await tx
    .insertInto('ai_runs')
    .values(
      runs.map(({ contactId, sessionId, flowId, run }) => ({
        id: randomUUID(),
        contact_id: contactId,
        session_id: sessionId,
        flow_id: flowId,
        node_id: run.nodeId,
        provider: run.provider,
        model: run.model,
        outcome: run.outcome,
        error: run.error,
        steps: run.steps,
        input_tokens: run.inputTokens,
        output_tokens: run.outputTokens,
        cost_usd: run.costUsd,
        tool_calls: JSON.stringify(run.toolCalls),
        created_at: now,
      })),
    )
    .execute();
}

/** A conversation's latest agent turns, newest first. */
export function conversationAiRuns(db: Db, contactId: string, limit: number) {
  return db
    .selectFrom('ai_runs')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export interface AiUsage {
  runs: number;
  tokens: number;
  cost_usd: number;
}

/** Agent turns, tokens and estimated cost in the dashboard's period. */
export async function aiUsage(db: Executor, f: DashboardFilter): Promise<AiUsage> {
  const channel =
    f.channelId === null ? sql`` : sql`and r.contact_id in (select id from contacts where channel_id = ${f.channelId})`;
  const result = await sql<AiUsage>`
    select count(*)::int as runs, coalesce(sum(r.input_tokens + r.output_tokens), 0)::int as tokens,
      coalesce(sum(r.cost_usd), 0)::float8 as cost_usd
    from ai_runs r where r.created_at >= ${f.from} and r.created_at < ${f.to} ${channel}`.execute(db);
  return result.rows[0] ?? { runs: 0, tokens: 0, cost_usd: 0 };
}
