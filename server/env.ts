import { z } from 'zod';

/** The only reader of `process.env`: everything else receives a `Config`. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  SECRET_KEY: z.string().min(32, 'SECRET_KEY must be at least 32 characters').optional(),
  WHATSAPP_GRAPH_URL: z.string().url().default('https://graph.facebook.com'),
  WHATSAPP_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/)
    .default('v23.0'),
  AI_BASE_URL: z.string().url().optional(),
  AI_API_KEY: z.string().optional(),
  AI_MODEL: z.string().optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  /** Checked against the password policy only when it creates the first admin (see ensureAdmin). */
  ADMIN_PASSWORD: z.string().optional(),
  /** Public base URL (https://bots.example.com) used to show the webhook URL; else the request's origin. */
  PUBLIC_URL: z.string().url().optional(),
  /** HTTP nodes may call private/loopback addresses only when this is true (SSRF guard). */
  HTTP_NODE_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Outgoing event webhooks (and Chatwoot) may reach private/loopback addresses only when true. */
  WEBHOOKS_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Bearer token Prometheus sends for `/metrics`; without it `/metrics` is off. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  FLUXO_LOG: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /**
   * What this process does: `web` (API, studio, webhooks), `worker` (processing, sender, timers,
   * campaigns, deliveries; HTTP only for health and metrics), or both (`all`, one process).
   */
  FLUXO_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  /** For tests and tuning: how long a crashed worker's hold on a contact or a send blocks it (ms). */
  FLUXO_LEASE_MS: z.coerce.number().int().min(100).default(30_000),
  /** For tests and tuning: how long a send of unknown outcome waits for Meta's status webhook before it is retried (ms). */
  FLUXO_RECONCILE_MS: z.coerce.number().int().min(0).default(15_000),
  /** API calls per minute allowed to each API token; 0 turns the limit off. */
  FLUXO_RATE_LIMIT_API: z.coerce.number().int().min(0).default(100),
  /** API calls per minute allowed to each logged-in studio user (autosave, inbox polling, several tabs); 0: off. */
  FLUXO_RATE_LIMIT_SESSION: z.coerce.number().int().min(0).default(600),
  /** How many reverse proxies of ours sit in front (each appends to X-Forwarded-For); 0 trusts no header. */
  FLUXO_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** For benchmarks: count SQL statements and Redis commands per stage on `/metrics` (`fluxo_io_total`). */
  FLUXO_COUNT_IO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** For benchmarks, embedded only: write the database thread's time per statement to this file each second. */
  FLUXO_SQL_PROFILE: z.string().optional(),
  /** For tests and benchmarks: serve the API and webhooks only, without building or serving the studio. */
  FLUXO_SKIP_STUDIO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  dataDir: string;
  secretKey: string | undefined;
  graph: { baseUrl: string; version: string };
  ai: { baseUrl: string; apiKey: string | undefined; model: string } | null;
  admin: { email: string; password: string } | null;
  /** See FLUXO_ROLE. */
  role: 'all' | 'web' | 'worker';
  publicUrl: string | undefined;
  httpNodeAllowPrivate: boolean;
  webhooksAllowPrivate: boolean;
  metricsToken: string | undefined;
  logLevel: Env['FLUXO_LOG'];
  leaseMs: number;
  reconcileMs: number;
  skipStudio: boolean;
  /** See FLUXO_COUNT_IO. */
  countIo: boolean;
  /** See FLUXO_SQL_PROFILE. */
  sqlProfileFile: string | undefined;
  rateLimits: RateLimits;
  trustedProxies: number;
}

export interface RateLimits {
  apiPerMinute: number;
  sessionPerMinute: number;
  /** Failed logins allowed per window, per client address and per account (max 0: off). */
  login: { perIp: { max: number; windowMs: number }; perAccount: { max: number; windowMs: number } };
}

/** Chatwoot's numbers: enough for typos, too few to guess a password. */
export const defaultLoginLimits: RateLimits['login'] = {
  perIp: { max: 5, windowMs: 5 * 60_000 },
  perAccount: { max: 10, windowMs: 15 * 60_000 },
};

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings (`DATABASE_URL=` in a compose file) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.DATA_DIR,
    secretKey: e.SECRET_KEY,
    graph: { baseUrl: e.WHATSAPP_GRAPH_URL.replace(/\/+$/, ''), version: e.WHATSAPP_GRAPH_VERSION },
    ai: e.AI_BASE_URL && e.AI_MODEL ? { baseUrl: e.AI_BASE_URL, apiKey: e.AI_API_KEY, model: e.AI_MODEL } : null,
    admin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD } : null,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    httpNodeAllowPrivate: e.HTTP_NODE_ALLOW_PRIVATE,
    webhooksAllowPrivate: e.WEBHOOKS_ALLOW_PRIVATE,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.FLUXO_LOG,
    role: e.FLUXO_ROLE,
    leaseMs: e.FLUXO_LEASE_MS,
    reconcileMs: e.FLUXO_RECONCILE_MS,
    skipStudio: e.FLUXO_SKIP_STUDIO,
    countIo: e.FLUXO_COUNT_IO,
    sqlProfileFile: e.FLUXO_SQL_PROFILE,
    rateLimits: {
      apiPerMinute: e.FLUXO_RATE_LIMIT_API,
      sessionPerMinute: e.FLUXO_RATE_LIMIT_SESSION,
      login: defaultLoginLimits,
    },
    trustedProxies: e.FLUXO_TRUSTED_PROXIES,
  };
}
