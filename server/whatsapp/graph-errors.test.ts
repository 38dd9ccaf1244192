import { describe, expect, it } from 'vitest';
import { backoffMs, classifyGraphError, type GraphErrorKind, pairRateBackoffMs } from './graph-errors.ts';

/** Meta's synchronous error envelope, as docs/meta-whatsapp.md §4 gives it. */
function envelope(code: number, message: string, details = 'details') {
  return {
    error: {
      message,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details },
      fbtrace_id: 'AbCdEfGh123',
    },
  };
}

describe('classifyGraphError', () => {
  it.each<[number, number, string, GraphErrorKind]>([
    [400, 130429, '(#130429) Rate limit hit', 'rate_limit'],
    [400, 131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit', 'pair_rate_limit'],
    [400, 80007, '(#80007) Rate limit issues', 'rate_limit'],
    [400, 4, '(#4) Application request limit reached', 'rate_limit'],
    [429, 613, 'Calls to this api have exceeded the rate limit.', 'rate_limit'],
    [400, 131047, '(#131047) Re-engagement message', 'window_closed'],
    [401, 190, 'Error validating access token: Session has expired', 'auth'],
    [401, 0, 'AuthException', 'auth'],
    [400, 100, '(#100) Invalid parameter', 'permanent'],
    [400, 131026, '(#131026) Message undeliverable', 'permanent'],
    [400, 131051, '(#131051) Unsupported message type', 'permanent'],
    [400, 131008, '(#131008) Required parameter is missing', 'permanent'],
    [404, 132001, '(#132001) Template name does not exist in the translation', 'permanent'],
    [400, 132000, '(#132000) Number of parameters does not match', 'permanent'],
    [403, 368, 'Temporarily blocked for policies violations', 'permanent'],
    [403, 10, '(#10) Permission denied', 'permanent'],
    [400, 131048, '(#131048) Spam rate limit hit', 'permanent'],
    [400, 133010, '(#133010) Phone number not registered', 'permanent'],
    [400, 1, '(#1) API Unknown', 'retry'],
    [503, 2, '(#2) Service temporarily unavailable', 'retry'],
    [500, 131000, '(#131000) Something went wrong', 'retry'],
    [500, 131016, '(#131016) Service unavailable', 'retry'],
    [500, 131057, '(#131057) Account in maintenance mode', 'retry'],
    [503, 133004, '(#133004) Server temporarily unavailable', 'retry'],
    [400, 999999, 'a code nobody documented yet', 'permanent'],
    [502, 999999, 'a code nobody documented yet', 'retry'],
  ])('HTTP %i code %i → %s', (status, code, message, kind) => {
    expect(classifyGraphError(status, envelope(code, message))).toEqual({
      kind,
      code,
      message: `${message} — details`,
    });
  });

  it.each<[number, unknown, GraphErrorKind]>([
    [500, null, 'retry'],
    [502, '<html>Bad gateway</html>', 'retry'],
    [0, undefined, 'retry'],
    [408, {}, 'retry'],
    [429, {}, 'rate_limit'],
    [401, {}, 'auth'],
    [400, { error: 'not an object' }, 'permanent'],
    [404, {}, 'permanent'],
  ])('HTTP %i without a readable code (%j) → %s', (status, body, kind) => {
    expect(classifyGraphError(status, body)).toEqual({ kind, code: null, message: `HTTP ${status}` });
  });

  it('reads Retry-After seconds', () => {
    expect(classifyGraphError(429, {}, '7').retryAfterMs).toBe(7000);
    expect(classifyGraphError(429, {}, 'Wed, 21 Oct 2026 07:28:00 GMT').retryAfterMs).toBeUndefined();
    expect(classifyGraphError(429, {}, null)).not.toHaveProperty('retryAfterMs');
  });

  it('accepts a code sent as a string', () => {
    expect(classifyGraphError(400, { error: { code: '131047', message: 'x' } })).toMatchObject({
      kind: 'window_closed',
      code: 131047,
    });
  });
});

describe('backoffMs', () => {
  it.each([
    [0, 0.5, 500],
    [1, 0.5, 1000],
    [3, 0.999, 7992],
    [10, 0.5, 30_000], // capped at 60 s
    [50, 0.999, 59_940],
    [4, 0, 0],
  ])('attempt %i with random %f → %i ms', (attempt, random, expected) => {
    expect(backoffMs(attempt, () => random)).toBe(expected);
  });

  it('honours a custom base and cap', () => {
    expect(backoffMs(3, () => 0.5, { baseMs: 100, capMs: 500 })).toBe(250);
  });

  it('grows the ceiling exponentially, never beyond the cap', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7].map((a) => backoffMs(a, () => 0.9999999));
    for (let i = 1; i < ceilings.length; i += 1) expect(ceilings[i]!).toBeGreaterThanOrEqual(ceilings[i - 1]!);
    expect(Math.max(...ceilings)).toBeLessThan(60_000);
  });
});

describe('pairRateBackoffMs', () => {
  it('waits 4^n seconds, capped', () => {
    expect([0, 1, 2, 3, 10].map((a) => pairRateBackoffMs(a))).toEqual([1000, 4000, 16_000, 64_000, 900_000]);
  });
});
