import { createApp } from '../app.ts';
import { createSecretBox } from '../auth/secret-box.ts';
import type { AppDeps } from '../context.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import type { Role } from '../db/tables.ts';
import { readConfig } from '../env.ts';
import { silentLogger } from '../logger.ts';
import { createTestDb, type TestDb } from './test-db.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  testDb: TestDb;
  /** Calls the app as a holder of a `role` API token. */
  as(role: Role): Caller;
  /** Calls the app with no credentials. */
  anonymous: Caller;
  close(): Promise<void>;
}

export interface Caller {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export function caller(app: TestApp['app'], auth: Record<string, string>): Caller {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    request,
    async json<T>(method: string, path: string, body?: unknown) {
      const res = await request(method, path, body);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/** The real app on a fresh migrated database, with one API token per role. */
export async function createTestApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const testDb = await createTestDb();
  const deps: AppDeps = {
    db: testDb.db,
    // Suites make hundreds of calls a minute with one token: API limits are off here, and on in
    // the tests about them (rate-limit.test.ts); the login limits stay as in production.
    config: readConfig({
      DATA_DIR: '/nonexistent',
      PUBLIC_URL: 'https://fluxo.test',
      FLUXO_RATE_LIMIT_API: '0',
      FLUXO_RATE_LIMIT_SESSION: '0',
    }),
    clock: { now: () => new Date() },
    secrets: createSecretBox('test-secret-key-test-secret-key-0000'),
    logger: silentLogger,
    ...overrides,
  };
  const app = createApp(deps);
  const owner = await createUser(testDb.db, {
    email: 'owner@fluxo.test',
    name: 'Owner',
    password: 'owner-password',
    role: 'admin',
  });
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'editor', 'supervisor', 'agent'] as const) {
    tokens[role] = (await createApiToken(testDb.db, { name: role, role, createdBy: owner.id })).secret;
  }
  return {
    app,
    deps,
    testDb,
    as: (role) => caller(app, { authorization: `Bearer ${tokens[role]}` }),
    anonymous: caller(app, {}),
    close: () => testDb.close(),
  };
}
