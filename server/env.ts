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
  WHATSAPP_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/).default('v23.0'),
  AI_BASE_URL: z.string().url().optional(),
  AI_API_KEY: z.string().optional(),
  AI_MODEL: z.string().optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD must be at least 8 characters').optional(),
  /** Public base URL (https://bots.example.com) used to show the webhook URL; else the request's origin. */
  PUBLIC_URL: z.string().url().optional(),
  /** HTTP nodes may call private/loopback addresses only when this is true (SSRF guard). */
  HTTP_NODE_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Bearer token Prometheus sends for `/metrics`; without it `/metrics` is off. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  FLUXO_LOG: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** For tests and tuning: how long a crashed worker's hold on a contact or a send blocks it (ms). */
  FLUXO_LEASE_MS: z.coerce.number().int().min(100).default(30_000),
  /** For tests and tuning: how long a send of unknown outcome waits for Meta's status webhook before it is retried (ms). */
  FLUXO_RECONCILE_MS: z.coerce.number().int().min(0).default(15_000),
  /** For tests and benchmarks: serve the API and webhooks only, without building or serving the studio. */
  FLUXO_SKIP_STUDIO: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
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
  publicUrl: string | undefined;
  httpNodeAllowPrivate: boolean;
  metricsToken: string | undefined;
  logLevel: Env['FLUXO_LOG'];
  leaseMs: number;
  reconcileMs: number;
  skipStudio: boolean;
}

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
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD } : null,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    httpNodeAllowPrivate: e.HTTP_NODE_ALLOW_PRIVATE,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.FLUXO_LOG,
    leaseMs: e.FLUXO_LEASE_MS,
    reconcileMs: e.FLUXO_RECONCILE_MS,
    skipStudio: e.FLUXO_SKIP_STUDIO,
  };
}
