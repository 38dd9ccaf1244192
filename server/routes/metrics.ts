import { sql } from 'kysely';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

const startedAt = Date.now();

/**
 * Prometheus text format, computed from the database at scrape time, so every instance
 * reports the same totals and nothing is lost on restart.
 */
export const metricsRoutes = new Hono<AppEnv>();

metricsRoutes.get('/metrics', async (c) => {
  const { db } = c.var.deps;
  const [messages, outbox, pending, handoffs, contacts] = await Promise.all([
    sql<{
      direction: string;
      status: string;
      n: number;
    }>`select direction, status, count(*)::int as n from messages group by direction, status`.execute(db),
    sql<{ status: string; n: number }>`select status, count(*)::int as n from outbox group by status`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from messages where direction = 'in' and processed_at is null`.execute(
      db,
    ),
    sql<{ n: number }>`select count(*)::int as n from handoffs where status <> 'resolved'`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from contacts`.execute(db),
  ]);
  const lines = [
    '# HELP fluxo_messages Messages stored, by direction and status.',
    '# TYPE fluxo_messages gauge',
    ...messages.rows.map((r) => `fluxo_messages{direction="${r.direction}",status="${r.status}"} ${r.n}`),
    '# HELP fluxo_outbox Outbox rows by status: pending and sending are the send queue, failed ones stay (sent rows leave it).',
    '# TYPE fluxo_outbox gauge',
    ...outbox.rows.map((r) => `fluxo_outbox{status="${r.status}"} ${r.n}`),
    '# HELP fluxo_inbound_pending Inbound messages not yet processed by a flow.',
    '# TYPE fluxo_inbound_pending gauge',
    `fluxo_inbound_pending ${pending.rows[0]?.n ?? 0}`,
    '# HELP fluxo_handoffs_open Conversations waiting for or with a human agent.',
    '# TYPE fluxo_handoffs_open gauge',
    `fluxo_handoffs_open ${handoffs.rows[0]?.n ?? 0}`,
    '# HELP fluxo_contacts Contacts known.',
    '# TYPE fluxo_contacts gauge',
    `fluxo_contacts ${contacts.rows[0]?.n ?? 0}`,
    '# HELP fluxo_uptime_seconds Seconds since this process started.',
    '# TYPE fluxo_uptime_seconds gauge',
    `fluxo_uptime_seconds ${Math.round((Date.now() - startedAt) / 1000)}`,
  ];
  return c.text(`${lines.join('\n')}\n`, 200, { 'content-type': 'text/plain; version=0.0.4' });
});
