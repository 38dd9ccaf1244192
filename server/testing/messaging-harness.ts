import type { Ports } from '../../runtime/ports.ts';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { flowDocument } from '../../shared/flow/schema.ts';
import { createApp } from '../app.ts';
import type { Clock } from '../context.ts';
import type { EventBus } from '../events/event-bus.ts';
import { createSecretBox } from '../auth/secret-box.ts';
import { importFlow } from '../flows/import-flow.ts';
import { readConfig } from '../env.ts';
import { silentLogger } from '../logger.ts';
import { startMessaging } from '../messaging.ts';
import { createLlmSource } from '../conversation/llm-source.ts';
import { startFakeGraphApi, type FakeGraph } from './fake-graph-api.ts';
import { FIXTURE_APP_SECRET } from './meta-fixtures.ts';
import { metaJson } from './webhook-payloads.ts';
import { signBody } from './sign.ts';
import { createTestDb, type TestDb } from './test-db.ts';

export const channelA = { phoneNumberId: '106000000000001', displayPhone: '15550100001', wabaId: '102000000000001' };
export const channelB = { phoneNumberId: '106000000000002', displayPhone: '15550100002', wabaId: '102000000000002' };
export const accessToken = 'EAAG-test-access-token';

/** start → greeting → wait for a reply → echo it → wait again: one reply per message, easy to count. */
export const echoFlow: FlowDocumentInput = {
  name: 'Eco',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 0, y: 150 }, data: { text: 'Olá, {{contact.name}}! Mande algo.' } },
    { id: 'wait', type: 'wait', position: { x: 0, y: 300 }, data: { durationMinutes: null, variable: 'msg' } },
    { id: 'echo', type: 'message', position: { x: 0, y: 450 }, data: { text: 'Recebi: {{msg}}' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'wait' },
    { id: 'e3', source: 'wait', sourceHandle: 'reply', target: 'echo' },
    { id: 'e4', source: 'echo', sourceHandle: 'next', target: 'wait' },
    { id: 'e5', source: 'wait', sourceHandle: 'timeout', target: 'echo' },
  ],
};

export interface MessagingHarness {
  testDb: TestDb;
  fake: FakeGraph;
  app: ReturnType<typeof createApp>;
  messaging: ReturnType<typeof startMessaging>;
  channelId: string;
  /** Seals what the runtime opens (a provider's key stored by a test). */
  secrets: ReturnType<typeof createSecretBox>;
  /** POSTs raw bytes to the webhook with the given (or a correct) signature. */
  post(body: string | Uint8Array, signature?: string | null): Promise<Response>;
  /** Serialises like Meta (escaped compact JSON), signs, POSTs. */
  postJson(value: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** `/metrics` answers this bearer token in the harness's app. */
export const harnessMetricsToken = 'harness-metrics-token';

/** The whole WhatsApp runtime on a fresh database, talking to a fake Graph API on 127.0.0.1. */
export async function startMessagingHarness(
  options: {
    flow?: FlowDocumentInput;
    autoStart?: boolean;
    leaseMs?: number;
    reconcileMs?: number;
    markRead?: boolean;
    /** The whole runtime's time (caches, leases, rate limit); tests move it instead of sleeping. */
    clock?: Clock;
    /** The studio's event bus (a Redis one, to test several instances); in-process when absent. */
    events?: EventBus;
    /** The workers' idle poll (50 ms here): a long one shows whether a wake-up was missed. */
    pollMs?: number;
    /** In-memory engine ports (e.g. an HTTP port a test holds up). */
    ports?: Partial<Ports>;
    /** How long a delivery being stored keeps its contact out of claims at most (see `inbound-in-flight.ts`). */
    inFlightHoldMs?: number;
  } = {},
): Promise<MessagingHarness> {
  const testDb = await createTestDb();
  const fake = await startFakeGraphApi({ expectedToken: accessToken });
  const config = readConfig({
    DATA_DIR: '/nonexistent',
    WHATSAPP_GRAPH_URL: fake.url,
    WHATSAPP_GRAPH_VERSION: 'v23.0',
    REDIS_URL: process.env.REDIS_URL,
    METRICS_TOKEN: harnessMetricsToken,
    // Test receivers of event webhooks listen on 127.0.0.1 (the guard itself: deliver-events.test.ts).
    WEBHOOKS_ALLOW_PRIVATE: 'true',
    // As in createTestApp: API limits are tested on their own (rate-limit.test.ts).
    FLUXO_RATE_LIMIT_API: '0',
    FLUXO_RATE_LIMIT_SESSION: '0',
  });
  const secrets = createSecretBox('harness-secret-key-harness-secret-key');
  const imported = await importFlow(testDb.db, flowDocument.parse(options.flow ?? echoFlow), true, null);
  if (!imported.ok) throw new Error(`harness flow is invalid: ${imported.problems.map((p) => p.message).join('; ')}`);
  const channelId = 'channel-a';
  await testDb.db
    .insertInto('channels')
    .values({
      id: channelId,
      name: 'A',
      phone_number_id: channelA.phoneNumberId,
      waba_id: channelA.wabaId,
      access_token_enc: secrets.seal(accessToken),
      app_secret_enc: secrets.seal(FIXTURE_APP_SECRET),
      verify_token: 'fixture-verify-token',
      flow_id: imported.flow.id,
      mark_read: options.markRead ?? false,
    })
    .execute();
  const clock = options.clock ?? { now: () => new Date() };
  const llm = createLlmSource({
    db: testDb.db,
    secrets,
    config,
    logger: silentLogger,
    now: () => clock.now().getTime(),
  });
  const messaging = startMessaging({
    llm,
    db: testDb.db,
    config,
    clock,
    logger: silentLogger,
    secrets,
    pollMs: options.pollMs ?? 50,
    ports: options.ports,
    leaseMs: options.leaseMs,
    reconcileMs: options.reconcileMs,
    autoStart: options.autoStart,
    events: options.events,
    inFlightHoldMs: options.inFlightHoldMs,
  });
  const app = createApp({
    db: testDb.db,
    config,
    clock,
    secrets,
    logger: silentLogger,
    llm,
    messaging: messaging.deps,
    events: messaging.events,
  });

  const post = async (body: string | Uint8Array, signature?: string | null) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const sig = signature === undefined ? signBody(body, FIXTURE_APP_SECRET) : signature;
    if (sig !== null) headers['x-hub-signature-256'] = sig;
    return app.request('/webhooks/whatsapp', {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : Buffer.from(body),
    });
  };
  return {
    testDb,
    fake,
    app,
    messaging,
    channelId,
    secrets,
    post,
    postJson: (value) => post(metaJson(value)),
    async close() {
      await messaging.stop();
      await fake.close();
      await testDb.close();
    },
  };
}
