import { z } from 'zod';

/**
 * What the sender should do after a failed Graph API call:
 * - `retry`: transient (5xx, timeouts, Meta's "try later" codes): back off and try again;
 * - `rate_limit`: the number's throughput or the app's call budget: slow the whole number down;
 * - `pair_rate_limit`: too many messages to this one contact: wait 4^n seconds for this contact;
 * - `window_closed`: the 24-hour window is closed: only a template may be sent;
 * - `auth`: the channel's token is invalid: mark the channel unhealthy, stop sending;
 * - `permanent`: this message will never be accepted as it is.
 */
export type GraphErrorKind = 'retry' | 'rate_limit' | 'pair_rate_limit' | 'permanent' | 'window_closed' | 'auth';

export interface GraphErrorClass {
  kind: GraphErrorKind;
  code: number | null;
  message: string;
  retryAfterMs?: number;
  /**
   * No answer, but the request provably never reached Meta (no connection could be opened), so
   * sending again cannot duplicate it. Without it, an unanswered send's outcome is unknown.
   */
  notSent?: true;
}

/** Codes from docs/meta-whatsapp.md §4 that are not `permanent`; every other code is. */
const codeKinds: Record<number, GraphErrorKind> = {
  0: 'auth', // AuthException: token expired or invalidated
  190: 'auth', // access token expired
  1: 'retry', // API Unknown: "possible server error"; the sender's attempt cap bounds it
  2: 'retry', // API Service: temporary downtime
  131000: 'retry', // something went wrong
  131016: 'retry', // service temporarily unavailable
  131057: 'retry', // account in maintenance mode (throughput upgrade, about a minute)
  133004: 'retry', // server temporarily unavailable
  4: 'rate_limit', // app-level API call rate limit
  613: 'rate_limit', // Graph "calls to this api have exceeded the rate limit"
  80007: 'rate_limit', // WABA rate limit
  130429: 'rate_limit', // Cloud API throughput reached
  131056: 'pair_rate_limit', // (business, consumer) pair rate limit
  131047: 'window_closed', // re-engagement: more than 24 h since the contact's last message
};

const envelope = z.object({
  error: z.object({
    code: z.coerce.number().int().optional().catch(undefined),
    message: z.string().optional().catch(undefined),
    error_data: z.object({ details: z.string().optional() }).optional().catch(undefined),
  }),
});

/**
 * Classifies by Meta's `code` first (Meta asks to build logic on codes and details, not
 * titles), then by HTTP status for codes we do not know. 131048 (spam rate limit) stays
 * permanent on purpose: it lifts in hours, far too late for a bot's reply.
 */
export function classifyGraphError(
  httpStatus: number,
  body: unknown,
  retryAfterHeader?: string | null,
): GraphErrorClass {
  const parsed = envelope.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  const code = error?.code ?? null;
  const message = [error?.message, error?.error_data?.details].filter(Boolean).join(' — ') || `HTTP ${httpStatus}`;
  const kind =
    (code !== null && Object.hasOwn(codeKinds, code) ? codeKinds[code] : undefined) ?? kindOfStatus(httpStatus);
  const retryAfterMs = parseRetryAfter(retryAfterHeader);
  return { kind, code, message, ...(retryAfterMs !== undefined && { retryAfterMs }) };
}

function kindOfStatus(status: number): GraphErrorKind {
  if (status === 401) return 'auth';
  if (status === 429) return 'rate_limit';
  // 0 stands for "no answer" (network error, timeout); 408 is a timeout too.
  if (status === 0 || status === 408 || status >= 500) return 'retry';
  return 'permanent';
}

/** `Retry-After` in seconds; the HTTP-date form would need a clock and Graph does not send it. */
function parseRetryAfter(header: string | null | undefined): number | undefined {
  if (!header || !/^\s*\d+\s*$/.test(header)) return undefined;
  return Number(header) * 1000;
}

/**
 * Exponential backoff with full jitter (a uniform wait in [0, min(cap, base·2^attempt))), so
 * a burst of failures does not retry in lockstep. `attempt` counts from 0; `random` in [0, 1).
 */
export function backoffMs(attempt: number, random: () => number, { baseMs = 1000, capMs = 60_000 } = {}): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/** Meta's rule for 131056: "retry after 4^X seconds (starting with X=0 …)". */
export function pairRateBackoffMs(attempt: number, { capMs = 15 * 60_000 } = {}): number {
  return Math.min(capMs, 4 ** Math.max(0, attempt) * 1000);
}
