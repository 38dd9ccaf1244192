import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { clientAddress } from './client-address.ts';
import type { Hits } from './hit-counter.ts';
import { hitOrNull, tooMany } from './too-many.ts';

/**
 * Counts a login attempt against the caller's address and the account tried, before the password
 * is checked, and refuses it (429) once either has failed too often in its window. Counting first
 * keeps a burst of parallel guesses from all passing a "how many so far" check; a successful login
 * then takes its hit back (`succeeded`), so only failures lock out.
 */
export async function guardLogin(c: Context<AppEnv>, email: string): Promise<{ succeeded(): Promise<void> }> {
  const { config, hitCounter } = c.var.deps;
  const { perIp, perAccount } = config.rateLimits.login;
  if (!hitCounter) return { succeeded: async () => undefined };
  const ipKey = `login:ip:${clientAddress(c, config.trustedProxies)}`;
  const accountKey = `login:account:${email}`;
  const over = (h: Hits | null, max: number) => (h && max > 0 && h.count > max ? h.resetMs : 0);
  const refuse = (waitMs: number) => tooMany(c, waitMs, 'Muitas tentativas de login erradas.');
  // The address first: a flood already refused by it creates no per-account counters (memory).
  const ipWait = over(await hitOrNull(c, hitCounter, ipKey, perIp.windowMs), perIp.max);
  if (ipWait > 0) throw refuse(ipWait);
  const accountWait = over(await hitOrNull(c, hitCounter, accountKey, perAccount.windowMs), perAccount.max);
  if (accountWait > 0) throw refuse(accountWait);
  return {
    async succeeded() {
      await Promise.all([ipKey, accountKey].map((key) => hitCounter.undo(key).catch(() => undefined)));
    },
  };
}
