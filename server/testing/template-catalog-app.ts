import { beforeEach } from 'vitest';
import type { FakeGraph } from './fake-graph-api.ts';
import { recreateChannel, useGraphApp, type ChannelInput } from './graph-app.ts';
import type { TestApp } from './test-app.ts';

export interface TemplateCatalogApp {
  readonly t: TestApp;
  readonly fake: FakeGraph;
  /** The channel created before the current test. */
  readonly channelId: string;
}

/**
 * What the message template tests need around them: the app talking to a fake Graph API that
 * expects the channel's token, and before each test a fake with no requests and the channel
 * (whose WABA holds the templates) created afresh, templates going with it. Registers its
 * hooks in the calling `describe`.
 */
export function useTemplateCatalogApp(channel: ChannelInput): TemplateCatalogApp {
  const rig = useGraphApp({ expectedToken: channel.accessToken });
  let channelId: string | undefined;

  beforeEach(async () => {
    rig.fake.reset();
    channelId = await recreateChannel(rig.t, channel);
  });

  return {
    get t() {
      return rig.t;
    },
    get fake() {
      return rig.fake;
    },
    get channelId() {
      if (channelId === undefined) throw new Error('the template catalog app is used before its beforeEach ran');
      return channelId;
    },
  };
}
