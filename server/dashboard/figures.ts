import type { DashboardDay, DashboardResponse } from '../../shared/api/dashboard.ts';
import type { Executor } from '../db/database.ts';
import {
  botFirstReply,
  failuresByCode,
  funnelGraph,
  handoffsByDay,
  humanFirstReply,
  messagesByDayAndStatus,
  ordersByDay,
  sessionsByDay,
  sessionsPerNode,
  type DashboardFilter,
} from '../db/queries/dashboard.ts';
import { funnelSteps } from './funnel-steps.ts';
import { localDays } from './period.ts';

/**
 * Every figure of the dashboard for one period and channel. The queries are independent, so
 * they run together (a pool runs them in parallel; the embedded database one after another).
 */
export async function dashboardFigures(
  db: Executor,
  f: DashboardFilter,
  flowId: string | null,
): Promise<Omit<DashboardResponse, 'funnel'> & { funnel: DashboardResponse['funnel'] | undefined }> {
  const [sessions, handoffs, messages, failures, bot, human, orders, funnel] = await Promise.all([
    sessionsByDay(db, f),
    handoffsByDay(db, f),
    messagesByDayAndStatus(db, f),
    failuresByCode(db, f),
    botFirstReply(db, f),
    humanFirstReply(db, f),
    ordersByDay(db, f),
    flowId === null ? Promise.resolve(null) : flowFunnel(db, flowId, f),
  ]);

  const days = new Map<string, DashboardDay>(localDays(f.from, f.to).map((day) => [day, emptyDay(day)]));
  const dayRow = (day: string): DashboardDay => {
    const row = days.get(day) ?? emptyDay(day);
    days.set(day, row);
    return row;
  };
  let started = 0;
  let completed = 0;
  let handedOff = 0;
  for (const s of sessions) {
    Object.assign(dayRow(s.day), { started: s.started, completed: s.completed });
    started += s.started;
    completed += s.completed;
    handedOff += s.handed_off;
  }
  for (const h of handoffs) dayRow(h.day).handoffs = h.handoffs;
  const byStatus: Record<string, number> = {};
  let inbound = 0;
  for (const m of messages) {
    const row = dayRow(m.day);
    if (m.direction === 'in') {
      row.inbound += m.n;
      inbound += m.n;
      continue;
    }
    row.outbound += m.n;
    if (m.status === 'failed') row.failed += m.n;
    byStatus[m.status] = (byStatus[m.status] ?? 0) + m.n;
  }
  let orderCount = 0;
  let revenueCents = 0;
  for (const o of orders) {
    Object.assign(dayRow(o.day), { orders: o.orders, revenueCents: o.revenue_cents });
    orderCount += o.orders;
    revenueCents += o.revenue_cents;
  }
  return {
    period: { from: f.from.toISOString(), to: f.to.toISOString(), timeZone: f.timeZone },
    channelId: f.channelId,
    conversations: { started, completed, handedOff, handoffRate: started === 0 ? null : handedOff / started },
    firstReply: {
      botSeconds: bot.seconds,
      botSamples: bot.samples,
      humanSeconds: human.seconds,
      humanSamples: human.samples,
    },
    messages: { inbound, byStatus, failuresByCode: failures },
    orders: { count: orderCount, revenueCents },
    funnel,
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

/** Undefined when the flow does not exist (the route answers 404). */
async function flowFunnel(db: Executor, flowId: string, f: DashboardFilter) {
  const [graph, counts] = await Promise.all([funnelGraph(db, flowId), sessionsPerNode(db, flowId, f)]);
  if (!graph) return undefined;
  return { flowId, flowName: graph.name, steps: funnelSteps(graph.graph, counts) };
}

function emptyDay(day: string): DashboardDay {
  return { day, started: 0, completed: 0, handoffs: 0, inbound: 0, outbound: 0, failed: 0, orders: 0, revenueCents: 0 };
}
