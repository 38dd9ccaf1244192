import { until } from './until.ts';

/** `/metrics` says work is waiting: an unprocessed inbound message, or a send queued or in flight. */
const busy = /^fluxo_inbound_pending [1-9]|^fluxo_outbox\{status="(pending|sending)"\} [1-9]/m;

/**
 * Resolves once a running server (its own process) has nothing left to do, read from its
 * Prometheus metrics (start it with METRICS_TOKEN): every inbound message processed, no send
 * queued or in flight. A send whose outcome was lost stays `sending` until reconciled, so from
 * then on nothing more can go out: "nothing was sent twice" becomes a fact to read, not a
 * sleep to hope for.
 */
export async function waitUntilServerIdle(baseUrl: string, metricsToken: string, timeoutMs = 30_000): Promise<void> {
  let last = '';
  await until(
    () => `the server to be idle; last metrics: ${last}`,
    async () => {
      const res = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } }).catch(
        () => null,
      );
      last = res ? `${res.status} ${await res.text()}` : 'no answer';
      return Boolean(res?.ok) && !busy.test(last);
    },
    timeoutMs,
    50,
  );
}
