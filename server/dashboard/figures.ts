import type { DashboardDay, DashboardResponse } from '../../shared/api/dashboard.ts';
import type { Executor } from '../db/database.ts';
import { funnelGraph, sessionsPerNode } from '../db/queries/dashboard.ts';
import {
  figureRows,
  keyedMetrics,
  rolledUpDays,
  rolledUpFigures,
  type FigureRange,
  type FigureRow,
} from '../db/queries/daily-figures.ts';
import { funnelSteps } from './funnel-steps.ts';
import { localDayOf, localDays, nextDay, startOfDay } from './period.ts';
import { medianOfBuckets } from './reply-median.ts';

export type DashboardFilter = FigureRange;

/**
 * Every figure of the dashboard for one period and channel. Whole closed days come from the
 * rollup (`daily_figures`, see rollup.ts) when it has them; today, the period's partial first
 * day and any day not rolled up yet are counted live from the raw tables, with the same query
 * the rollup is made with. `useRollup: false` counts everything live (tests compare the two).
 */
export async function dashboardFigures(
  db: Executor,
  f: DashboardFilter,
  flowId: string | null,
  { now = new Date(), useRollup = true }: { now?: Date; useRollup?: boolean } = {},
): Promise<Omit<DashboardResponse, 'funnel'> & { funnel: DashboardResponse['funnel'] | undefined }> {
  const days = localDays(f.from, f.to, f.timeZone);
  const today = localDayOf(now, f.timeZone);
  const whole = days.filter(
    (d) => d < today && startOfDay(d, f.timeZone) >= f.from && startOfDay(nextDay(d), f.timeZone) <= f.to,
  );
  const rolled = useRollup ? await rolledUpDays(db, f.timeZone, whole) : new Set<string>();
  const [fromRollup, live, funnel] = await Promise.all([
    rolledUpFigures(db, f.timeZone, [...rolled], f.channelId),
    Promise.all(liveRanges(f, days, rolled).map((r) => figureRows(db, r))).then((parts) => parts.flat()),
    flowId === null ? Promise.resolve(null) : flowFunnel(db, flowId, f),
  ]);
  return { ...assemble(f, days, [...fromRollup, ...live]), funnel };
}

/** The parts of the period not covered by rolled-up days, as few contiguous ranges as possible. */
function liveRanges(f: DashboardFilter, days: string[], rolled: Set<string>): FigureRange[] {
  const ranges: FigureRange[] = [];
  let start: Date | null = null;
  for (const day of days) {
    const dayStart = new Date(Math.max(startOfDay(day, f.timeZone).getTime(), f.from.getTime()));
    if (rolled.has(day)) {
      if (start) ranges.push({ ...f, from: start, to: dayStart });
      start = null;
    } else start ??= dayStart;
  }
  if (start) ranges.push({ ...f, from: start, to: f.to });
  return ranges;
}

function assemble(f: DashboardFilter, periodDays: string[], rows: FigureRow[]) {
  const days = new Map<string, DashboardDay>(periodDays.map((day) => [day, emptyDay(day)]));
  const totals = new Map<string, number>();
  const keyed = new Map<string, Map<string, number>>();
  const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const r of rows) {
    add(totals, r.metric, r.value);
    if ((keyedMetrics as readonly string[]).includes(r.metric)) {
      const byKey = keyed.get(r.metric) ?? new Map<string, number>();
      keyed.set(r.metric, byKey);
      add(byKey, r.key, r.value);
      continue;
    }
    const day = days.get(r.day) ?? emptyDay(r.day);
    days.set(r.day, day);
    const field = dayField[r.metric as keyof typeof dayField];
    if (field) day[field] += r.value;
  }
  const total = (metric: string) => totals.get(metric) ?? 0;
  const started = total('started');
  const handedOff = total('handed_off');
  const bot = medianOfBuckets(keyed.get('bot_reply'));
  const human = medianOfBuckets(keyed.get('human_reply'));
  const failuresByCode = [...(keyed.get('failed_code') ?? new Map<string, number>())]
    .map(([code, count]) => ({ code: code || 'unknown', count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return {
    period: { from: f.from.toISOString(), to: f.to.toISOString(), timeZone: f.timeZone },
    channelId: f.channelId,
    conversations: {
      started,
      completed: total('completed'),
      handedOff,
      handoffRate: started === 0 ? null : handedOff / started,
    },
    firstReply: {
      botSeconds: bot.seconds,
      botSamples: bot.samples,
      humanSeconds: human.seconds,
      humanSamples: human.samples,
    },
    messages: {
      inbound: total('inbound'),
      byStatus: Object.fromEntries(keyed.get('status') ?? []),
      failuresByCode,
    },
    orders: { count: total('orders'), revenueCents: total('revenue_cents') },
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

/** Which per-day figure of the chart each unkeyed metric adds to. */
const dayField = {
  started: 'started',
  completed: 'completed',
  handoffs: 'handoffs',
  inbound: 'inbound',
  outbound: 'outbound',
  failed: 'failed',
  orders: 'orders',
  revenue_cents: 'revenueCents',
} as const satisfies Record<string, keyof Omit<DashboardDay, 'day'>>;

/** Undefined when the flow does not exist (the route answers 404). */
async function flowFunnel(db: Executor, flowId: string, f: DashboardFilter) {
  const [graph, counts] = await Promise.all([funnelGraph(db, flowId), sessionsPerNode(db, flowId, f)]);
  if (!graph) return undefined;
  return { flowId, flowName: graph.name, steps: funnelSteps(graph.graph, counts) };
}

function emptyDay(day: string): DashboardDay {
  return { day, started: 0, completed: 0, handoffs: 0, inbound: 0, outbound: 0, failed: 0, orders: 0, revenueCents: 0 };
}
