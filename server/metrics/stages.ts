import { Histogram } from 'prom-client';
import { inStage } from './io-count.ts';
import { registry } from './registry.ts';

/**
 * Where a message's time goes, stage by stage: the bench divides each stage's total by the
 * messages handled to print a per-message profile, and Grafana can chart the same series.
 * A call may handle a batch (a claim, a commit), so a stage's sum is what counts, not its count.
 */
export type Stage =
  /** Reading a webhook's JSON into deliveries. */
  | 'parse'
  /** Checking `X-Hub-Signature-256` against the app secrets. */
  | 'verify'
  /** Storing a delivery that carries messages (the webhook waits for it). */
  | 'store'
  /** Storing a delivery of status updates only. */
  | 'status'
  /** Taking the contacts with work (and their pending messages and timers) under lease. */
  | 'claim'
  /** One contact's run through the engine, ports included (HTTP, AI, catalog). */
  | 'step'
  /** Writing a wave of outcomes: sessions, outbox rows, leases settled. */
  | 'commit'
  /** Taking outbox rows to send. */
  | 'outbox'
  /** One call to Meta's Graph API. */
  | 'send'
  /** Recording what Meta answered to the sends. */
  | 'record';

export const stageSeconds = new Histogram({
  name: 'fluxo_stage_seconds',
  help: 'Time spent in each stage of handling messages, per call (a call may handle a batch).',
  labelNames: ['stage'] as const,
  buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

/** Runs `work`, adding its duration to `stage`, whether it succeeds or throws. */
export async function timed<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
  const end = stageSeconds.startTimer({ stage });
  try {
    return await inStage(stage, work);
  } finally {
    end();
  }
}

/** `timed` for synchronous work. */
export function timedSync<T>(stage: Stage, work: () => T): T {
  const end = stageSeconds.startTimer({ stage });
  try {
    return inStage(stage, work);
  } finally {
    end();
  }
}
