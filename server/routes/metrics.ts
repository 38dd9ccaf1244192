import { sql } from 'kysely';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Db } from '../db/database.ts';
import { registry } from '../metrics/registry.ts';

/**
 * Prometheus text format: this process's counters and histograms (`metrics/registry.ts`) plus
 * the work waiting, read at scrape time. Each depth is counted through a partial index over
 * the waiting rows only (or the outbox, which sent rows leave), so a scrape costs the same
 * with a hundred messages or a hundred million: never a `count(*)` over every message.
 */
export const metricsRoutes = new Hono<AppEnv>();

metricsRoutes.get('/metrics', async (c) => {
  const depths = await queueDepths(c.var.deps.db);
  const own = await registry.metrics();
  return c.text(`${depths.join('\n')}\n${own}`, 200, { 'content-type': registry.contentType });
});

async function queueDepths(db: Db): Promise<string[]> {
  const [outbox, pending, jobs, handoffs] = await Promise.all([
    sql<{ status: string; n: number }>`select status, count(*)::int as n from outbox group by status`.execute(db),
    // messages_pending_idx
    sql<{ n: number }>`select count(*)::int as n from messages where direction = 'in' and processed_at is null`.execute(
      db,
    ),
    // scheduled_jobs_due_idx: timers, flow starts and campaign steps already due.
    sql<{
      n: number;
    }>`select count(*)::int as n from scheduled_jobs where status = 'pending' and run_at <= now()`.execute(db),
    // handoffs_open_contact_key
    sql<{ n: number }>`select count(*)::int as n from handoffs where status <> 'resolved'`.execute(db),
  ]);
  return [
    '# HELP fluxo_outbox Outbox rows by status: pending and sending are the send queue, failed ones stay (sent rows leave it).',
    '# TYPE fluxo_outbox gauge',
    ...outbox.rows.map((r) => `fluxo_outbox{status="${r.status}"} ${r.n}`),
    '# HELP fluxo_inbound_pending Inbound messages not yet processed by a flow.',
    '# TYPE fluxo_inbound_pending gauge',
    `fluxo_inbound_pending ${pending.rows[0]?.n ?? 0}`,
    '# HELP fluxo_jobs_due Scheduled jobs (timers, flow starts, campaign steps) due and not yet run.',
    '# TYPE fluxo_jobs_due gauge',
    `fluxo_jobs_due ${jobs.rows[0]?.n ?? 0}`,
    '# HELP fluxo_handoffs_open Conversations waiting for or with a human agent.',
    '# TYPE fluxo_handoffs_open gauge',
    `fluxo_handoffs_open ${handoffs.rows[0]?.n ?? 0}`,
  ];
}
