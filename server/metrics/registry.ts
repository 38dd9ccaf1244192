import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * This process's Prometheus metrics. Prometheus scrapes every instance and adds them up, so
 * counters and histograms count what this process did; queue depths, which every instance
 * would report alike, are read from the database at scrape time (see `routes/metrics.ts`).
 * One registry per process: a second app in the same process (tests) adds to the same series.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'fluxo_' });

/** Seconds buckets from 1 ms to 30 s: a webhook answer is a few ms, a reply at saturation can take seconds. */
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const webhookAnswerSeconds = new Histogram({
  name: 'fluxo_webhook_answer_seconds',
  help: "Time from a WhatsApp webhook's arrival to its answer (Meta waits for it), by status code.",
  labelNames: ['status'] as const,
  buckets: latencyBuckets,
  registers: [registry],
});

export const processingLagSeconds = new Histogram({
  name: 'fluxo_processing_lag_seconds',
  help: 'Time from storing an inbound message to committing the flow step that handled it.',
  buckets: latencyBuckets,
  registers: [registry],
});

export const sendLatencySeconds = new Histogram({
  name: 'fluxo_send_latency_seconds',
  help: "Duration of one send to Meta's Graph API, by outcome (ok or error).",
  labelNames: ['outcome'] as const,
  buckets: latencyBuckets,
  registers: [registry],
});

export const graphErrorsTotal = new Counter({
  name: 'fluxo_graph_errors_total',
  help: "Sends Meta's Graph API refused or that got no answer, by Meta's error code (`none` without one) and kind.",
  labelNames: ['code', 'kind'] as const,
  registers: [registry],
});

export const lateMessagesTotal = new Counter({
  name: 'fluxo_inbound_late_total',
  help: 'Inbound messages older than one the flow had already handled (Meta delivered them late): stored, not run; by channel id.',
  labelNames: ['channel'] as const,
  registers: [registry],
});

export const messagesTotal = new Counter({
  name: 'fluxo_messages_total',
  help: 'Messages handled by this process: inbound processed by a flow, outbound accepted by Meta; by channel id.',
  labelNames: ['channel', 'direction'] as const,
  registers: [registry],
});
