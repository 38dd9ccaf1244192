import { createHash } from 'node:crypto';
import { probeAiProvider, type AiEndpoint, type ProbeResult } from './probe-ai-provider.ts';

/** Publishing waits for the answer: long enough for a provider across the world, short for a person. */
export const probeTimeoutMs = 5_000;
/** A provider that answered is trusted this long, so publishing twice does not ask it twice. */
export const probeTtlMs = 60_000;

export interface ProviderProbes {
  probe(endpoint: AiEndpoint): Promise<ProbeResult>;
}

/**
 * Probes providers, remembering the ones that answered for `ttlMs` (per address and key). A
 * failure is not remembered: the admin fixes the key and publishes again at once.
 */
export function createProviderProbes({
  now,
  timeoutMs = probeTimeoutMs,
  ttlMs = probeTtlMs,
}: {
  now: () => number;
  timeoutMs?: number;
  ttlMs?: number;
}): ProviderProbes {
  const answeredAt = new Map<string, number>();
  // The key is hashed so the cache never holds a provider's secret.
  const keyOf = (e: AiEndpoint) =>
    `${e.baseUrl}\n${createHash('sha256')
      .update(e.apiKey ?? '')
      .digest('hex')}`;
  return {
    async probe(endpoint) {
      const key = keyOf(endpoint);
      const at = answeredAt.get(key);
      if (at !== undefined && now() - at < ttlMs) return { ok: true };
      const result = await probeAiProvider(endpoint, timeoutMs);
      if (result.ok) answeredAt.set(key, now());
      else answeredAt.delete(key);
      return result;
    },
  };
}
