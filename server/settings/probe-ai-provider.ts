/** Where an OpenAI-compatible provider answers, and the key it expects (none for a local server). */
export interface AiEndpoint {
  baseUrl: string;
  apiKey: string | undefined;
}

/** Why a provider cannot take a flow's calls; the problem texts say it in words (shared/flow/problems.ts). */
export type ProbeFailure =
  | { reason: 'timeout'; seconds: number }
  | { reason: 'key_refused'; status: number }
  | { reason: 'server_error'; status: number }
  | { reason: 'unreachable'; detail: string };

export type ProbeResult = { ok: true } | ({ ok: false } & ProbeFailure);

/** What failed to connect, in the system's own short words (ECONNREFUSED, ENOTFOUND...). */
function connectionDetail(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message.slice(0, 120);
  return err instanceof Error ? err.message.slice(0, 120) : String(err).slice(0, 120);
}

/**
 * Whether a provider answers at all: `GET {baseUrl}/models` with the key, the cheapest call of
 * the OpenAI API (no tokens spent, unlike "Testar", which also proves the model name). Refused:
 * no answer in time, no connection, the key turned down (401/403) or a server error (5xx). Any
 * other answer counts as reachable: a 404 comes from compatible servers without `/models` (some
 * proxies and local servers), a 429 from one that is there and knows the key.
 */
export async function probeAiProvider(endpoint: AiEndpoint, timeoutMs: number): Promise<ProbeResult> {
  const url = `${endpoint.baseUrl.replace(/\/+$/, '')}/models`;
  try {
    const res = await fetch(url, {
      headers: endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Only the status matters; the body is dropped so the connection is freed.
    await res.body?.cancel();
    if (res.status === 401 || res.status === 403) return { ok: false, reason: 'key_refused', status: res.status };
    if (res.status >= 500) return { ok: false, reason: 'server_error', status: res.status };
    return { ok: true };
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { ok: false, reason: 'timeout', seconds: timeoutMs / 1000 };
    }
    return { ok: false, reason: 'unreachable', detail: connectionDetail(err) };
  }
}
