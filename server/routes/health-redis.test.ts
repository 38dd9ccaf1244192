import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessagingDeps } from '../context.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/** The messaging side as far as readiness sees it: only its Redis health is read. */
function messagingWithRedis(health: () => 'ok' | 'degraded'): MessagingDeps {
  const unused = () => {
    throw new Error('not used by /readyz');
  };
  return {
    channels: {} as MessagingDeps['channels'],
    inbox: { submit: unused },
    wake: unused,
    wakeSender: unused,
    wakeCampaigns: unused,
    redisHealth: health,
  };
}

describe('/readyz and Redis', () => {
  let redis: 'ok' | 'degraded' = 'ok';
  let t: TestApp;
  let withoutRedis: TestApp;
  beforeAll(async () => {
    [t, withoutRedis] = await Promise.all([
      createTestApp({ messaging: messagingWithRedis(() => redis) }),
      createTestApp(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([t.close(), withoutRedis.close()]);
  });

  it('stays ready (200) with Redis unreachable, and says so', async () => {
    expect(await t.anonymous.json('GET', '/readyz')).toEqual({ status: 200, body: { status: 'ready', redis: 'ok' } });
    redis = 'degraded';
    // A load balancer keeps sending to an instance that works without Redis.
    expect(await t.anonymous.json('GET', '/readyz')).toEqual({
      status: 200,
      body: { status: 'ready', redis: 'degraded' },
    });
  });

  it('says nothing about Redis when none is configured', async () => {
    expect(await withoutRedis.anonymous.json('GET', '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });
});
