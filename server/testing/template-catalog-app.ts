import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Channel } from '../../shared/api/channels.ts';
import { readConfig } from '../env.ts';
import { startFakeGraphApi, type FakeGraph } from './fake-graph-api.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** What an admin posts to create the channel whose WABA holds the templates. */
export interface TemplateChannelInput {
  name: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhone: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
}

export interface TemplateCatalogApp {
  readonly t: TestApp;
  readonly fake: FakeGraph;
  /** The channel created before the current test. */
  readonly channelId: string;
}

/**
 * What the message template tests need around them: the app talking to a fake Graph API that
 * expects the channel's token, and before each test a fake with no requests and the channel
 * created afresh (templates go with it). Registers its hooks in the calling `describe`.
 */
export function useTemplateCatalogApp(channel: TemplateChannelInput): TemplateCatalogApp {
  let t: TestApp | undefined;
  let fake: FakeGraph | undefined;
  let channelId: string | undefined;

  beforeAll(async () => {
    fake = await startFakeGraphApi({ expectedToken: channel.accessToken });
    t = await createTestApp({ config: readConfig({ DATA_DIR: '/nonexistent', WHATSAPP_GRAPH_URL: fake.url }) });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });
  beforeEach(async () => {
    const app = ready(t);
    ready(fake).reset();
    await app.testDb.db.deleteFrom('channels').execute();
    channelId = (await app.as('admin').json<{ channel: Channel }>('POST', '/api/channels', channel)).body.channel.id;
  });

  return {
    get t() {
      return ready(t);
    },
    get fake() {
      return ready(fake);
    },
    get channelId() {
      return ready(channelId);
    },
  };
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the template catalog app is used before its hooks ran');
  return value;
}
