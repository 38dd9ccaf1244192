/**
 * The server's per-stage time (`fluxo_stage_seconds` on `/metrics`), read before and after a
 * phase: the difference divided by the phase's messages is where each message's time went.
 */
export type StageTotals = Map<string, number>;

/** Calls per stage, keyed `count:<stage>` in the same map as the sums. */
const countKey = (stage: string) => `count:${stage}`;

export async function readStages(serverUrl: string, token: string): Promise<StageTotals> {
  const response = await fetch(`${serverUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /metrics: ${response.status}`);
  const text = await response.text();
  const totals: StageTotals = new Map();
  for (const match of text.matchAll(/^fluxo_stage_seconds_sum\{stage="([a-z]+)"\} ([0-9.e+-]+)$/gm)) {
    totals.set(match[1]!, Number(match[2]));
  }
  for (const match of text.matchAll(/^fluxo_stage_seconds_count\{stage="([a-z]+)"\} ([0-9.e+-]+)$/gm)) {
    totals.set(countKey(match[1]!), Number(match[2]));
  }
  return totals;
}

/** Stage order as a message goes through them. */
const order = ['parse', 'verify', 'store', 'claim', 'step', 'commit', 'outbox', 'send', 'record', 'status'];

/** "parse 0.01 · verify 0.02 · …" in ms per inbound message, from two readings. */
export function formatStages(before: StageTotals, after: StageTotals, messages: number): string {
  const parts = order.map((stage) => {
    const ms = (((after.get(stage) ?? 0) - (before.get(stage) ?? 0)) * 1000) / Math.max(1, messages);
    return `${stage} ${ms.toFixed(2)}`;
  });
  return [
    `  time per inbound message by stage (ms, summed over concurrent work): ${parts.join(' · ')}`,
    `  time per call by stage (ms, mean): ${perCallByStage(before, after)}`,
  ].join('\n');
}

/**
 * "parse 0.05 · verify 0.01 · …": each stage's mean time per call between two readings, the
 * latency a message waits there (a batch shares one call).
 */
export function perCallByStage(before: StageTotals, after: StageTotals): string {
  return order
    .map((stage) => {
      const calls = (after.get(countKey(stage)) ?? 0) - (before.get(countKey(stage)) ?? 0);
      const seconds = (after.get(stage) ?? 0) - (before.get(stage) ?? 0);
      return `${stage} ${calls ? ((seconds * 1000) / calls).toFixed(2) : '—'}`;
    })
    .join(' · ');
}
