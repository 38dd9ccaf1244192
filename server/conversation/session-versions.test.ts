import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flowDocument, type FlowDocumentInput } from '../../shared/flow/schema.ts';
import { publishVersion } from '../db/queries/flows.ts';
import { channelA, echoFlow, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

let seq = 0;
const say = (h: MessagingHarness, body: string) =>
  h.postJson(
    messageWebhook({
      ...channelA,
      wamid: `wamid.versions.${++seq}`,
      from: '5584991231111',
      name: 'Bruno',
      timestamp: new Date(Date.now() - 60_000 + seq * 1000),
      text: body,
    }),
  );

function echoV2(migrate: boolean): FlowDocumentInput {
  return {
    ...echoFlow,
    settings: { migrateWaitingSessions: migrate, fallbackMessage: 'x' },
    nodes: echoFlow.nodes.map((n) => (n.id === 'echo' ? { ...n, data: { text: 'Eco v2: {{msg}}' } } : n)),
  } as FlowDocumentInput;
}

describe('sessions and published versions', () => {
  let h: MessagingHarness;
  afterEach(() => h.close());

  // Real time plus an offset the test moves: the runtime's caches read this clock, so passing
  // the published-version cache's lifetime (1 s) is a step, not a wait.
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const passCacheLifetime = () => {
    offsetMs += 1100;
  };
  beforeEach(() => {
    offsetMs = 0;
  });

  async function publish(flow: FlowDocumentInput) {
    const row = await h.testDb.db.selectFrom('channels').select('flow_id').executeTakeFirstOrThrow();
    await h.testDb.db
      .transaction()
      .execute((tx) => publishVersion(tx, row.flow_id ?? '', flowDocument.parse(flow), 'v2', null));
  }
  const texts = () => h.fake.sent().map((r) => (r.body as { text: { body: string } }).text.body);

  it('keeps a running conversation on the version it started on', async () => {
    h = await startMessagingHarness({ clock });
    await say(h, 'oi');
    await h.fake.waitForSent(1);
    await publish(echoV2(false));
    passCacheLifetime();
    await say(h, 'um');
    await h.fake.waitForSent(2);
    expect(texts()[1]).toBe('Recebi: um');
  });

  it('moves waiting sessions to the new version when the flow asks for it', async () => {
    h = await startMessagingHarness({ clock });
    await say(h, 'oi');
    await h.fake.waitForSent(1);
    await publish(echoV2(true));
    passCacheLifetime();
    await say(h, 'dois');
    await h.fake.waitForSent(2);
    expect(texts()[1]).toBe('Eco v2: dois');
  });
});
