import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';

/** This server's address as Meta and browsers reach it: `PUBLIC_URL`, else the request's origin. */
export function publicBaseUrl(c: Context<AppEnv>): string {
  return c.var.deps.config.publicUrl ?? new URL(c.req.url).origin;
}
