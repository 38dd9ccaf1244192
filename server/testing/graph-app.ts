import { afterAll, beforeAll } from 'vitest';
import type { Channel } from '../../shared/api/channels.ts';
import type { AppDeps } from '../context.ts';
import { readConfig } from '../env.ts';
import { startFakeGraphApi, type FakeGraph } from './fake-graph-api.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** What an admin posts to create a channel: the fields these tests set. */
export interface ChannelInput {
  name: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhone: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
}

/**
 * A channel whose ids all end in `number` (so a test file's numbers are its own) and whose
 * secrets are named after `label`; the access token is `EAAG-<label>-token` unless given.
 */
export function channelInput(label: string, name: string, number: string, accessToken?: string): ChannelInput {
  return {
    name,
    phoneNumberId: `106000000000${number}`,
    wabaId: `102000000000${number}`,
    displayPhone: `15550100${number}`,
    accessToken: accessToken ?? `EAAG-${label}-token`,
    appSecret: `${label}-app-secret-0123`,
    verifyToken: `${label}-verify-token`,
  };
}

export interface GraphApp {
  readonly t: TestApp;
  readonly fake: FakeGraph;
}

export interface GraphAppOptions {
  /** The token the fake Graph API accepts; any when absent. */
  expectedToken?: string;
  /** Server settings besides the Graph API's address (which points at the fake). */
  env?: Record<string, string>;
  /** Dependencies of the app to replace, e.g. its clock. */
  deps?: Partial<AppDeps>;
}

/**
 * The app talking to a fake Graph API, for a whole `describe`: the fake started first and
 * closed last. Registers its hooks in the calling `describe`; read `t` and `fake` in tests.
 */
export function useGraphApp(options: GraphAppOptions = {}): GraphApp {
  let t: TestApp | undefined;
  let fake: FakeGraph | undefined;

  beforeAll(async () => {
    fake = await startFakeGraphApi({ expectedToken: options.expectedToken });
    t = await createTestApp({
      config: readConfig({ DATA_DIR: '/nonexistent', ...options.env, WHATSAPP_GRAPH_URL: fake.url }),
      ...options.deps,
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  return {
    get t() {
      return ready(t);
    },
    get fake() {
      return ready(fake);
    },
  };
}

/** Deletes every channel (what hangs on them goes too) and creates `input` afresh, as an admin: its id. */
export async function recreateChannel(t: TestApp, input: ChannelInput): Promise<string> {
  await t.testDb.db.deleteFrom('channels').execute();
  return (await t.as('admin').json<{ channel: Channel }>('POST', '/api/channels', input)).body.channel.id;
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the Graph API test app is used before its beforeAll ran');
  return value;
}
