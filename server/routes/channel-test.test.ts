import { beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/api/channels.ts';
import type { ChannelTestResult } from '../../shared/api/channel-checks.ts';
import { createChannelDirectory } from '../channels/channel-directory.ts';
import { readOneThroughput, throughputReadEveryMs } from '../channels/read-throughput.ts';
import { readConfig } from '../env.ts';
import { silentLogger } from '../logger.ts';
import { startFakeGraphApi, type FakeGraph } from '../testing/fake-graph-api.ts';
import { channelInput, recreateChannel, useGraphApp } from '../testing/graph-app.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const token = 'EAAG-channel-test-good-token';
const input = channelInput('channel-test', 'Loja Centro', '311', token);
const number = { displayPhoneNumber: '+55 11 3333-0311', verifiedName: 'Loja Centro', qualityRating: 'GREEN' as const };
type TestAnswer = ChannelTestResult & { channel: Channel };

describe('channel connection test and webhook handshake', () => {
  const rig = useGraphApp({ env: { PUBLIC_URL: 'https://fluxo.test' } });
  let t: TestApp;
  let fake: FakeGraph;
  let id: string;
  const admin = () => t.as('admin');
  const channel = async () =>
    (await admin().json<{ channels: Channel[] }>('GET', '/api/channels')).body.channels.find((c) => c.id === id)!;
  const handshake = (verifyToken: string) =>
    t.anonymous.request(
      'GET',
      `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`,
    );

  beforeEach(async () => {
    ({ t, fake } = rig);
    fake.reset();
    fake.addPhoneNumber(input.phoneNumberId, { ...number, token });
    id = await recreateChannel(t, input);
  });

  it('a saved channel is "not checked yet", not working', async () => {
    expect((await channel()).connection).toEqual({ status: 'unchecked', checkedAt: null, error: null, number: null });
    expect((await channel()).webhookVerifiedAt).toBeNull();
  });

  it('asks Meta about the number with the stored token and keeps what it said', async () => {
    const res = await admin().json<TestAnswer>('POST', `/api/channels/${id}/test`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, error: null, number: { ...number, throughput: 80 } });
    const [call] = fake.requests;
    expect(call).toMatchObject({
      method: 'GET',
      kind: 'phone_number',
      token,
      path: `/v23.0/${input.phoneNumberId}?fields=display_phone_number,verified_name,quality_rating,throughput`,
    });
    expect(res.body.channel.connection).toEqual({
      status: 'ok',
      checkedAt: res.body.checkedAt,
      error: null,
      number: { ...number, throughput: 80 },
    });
    expect((await channel()).connection).toMatchObject({ status: 'ok', number });
  });

  it("reads the number's throughput tier (1,000 messages/s after Meta's upgrade), which the admin's own setting overrides", async () => {
    fake.addPhoneNumber(input.phoneNumberId, { ...number, token, throughputLevel: 'HIGH' });
    const res = await admin().json<TestAnswer>('POST', `/api/channels/${id}/test`);
    expect(res.body.number?.throughput).toBe(1000);
    expect(res.body.channel).toMatchObject({
      throughput: null,
      throughputTier: 1000,
      throughputReadAt: res.body.checkedAt,
    });
    const directory = createChannelDirectory(t.testDb.db, t.deps.secrets);
    expect((await directory.byId(id))?.throughput).toBe(1000);

    const saved = await admin().json<{ channel: Channel }>('PATCH', `/api/channels/${id}`, { throughput: 20 });
    expect(saved.body.channel).toMatchObject({ throughput: 20, throughputTier: 1000 });
    directory.invalidate();
    expect((await directory.byId(id))?.throughput).toBe(20);
  });

  it("reads a working number's tier again every few hours, once across instances, to learn of Meta's upgrade", async () => {
    await admin().json<TestAnswer>('POST', `/api/channels/${id}/test`);
    const read = (now: Date) =>
      readOneThroughput({
        db: t.testDb.db,
        secrets: t.deps.secrets,
        graph: t.deps.config.graph,
        logger: silentLogger,
        now,
      });
    const testedAt = new Date((await channel()).throughputReadAt!);
    expect((await channel()).throughputTier).toBe(80);
    // Read just now by the test: not due again.
    expect(await read(new Date(testedAt.getTime() + 60_000))).toBe(false);

    const later = new Date(testedAt.getTime() + throughputReadEveryMs + 1);
    fake.reset();
    fake.addPhoneNumber(input.phoneNumberId, { ...number, token, throughputLevel: 'HIGH' });
    const both = await Promise.all([read(later), read(later)]);
    expect(both.sort()).toEqual([false, true]);
    expect(fake.requests.filter((r) => r.kind === 'phone_number')).toHaveLength(1);
    expect(await channel()).toMatchObject({ throughputTier: 1000, throughputReadAt: later.toISOString() });
  });

  it("returns Meta's refusal of a bad token as a result (200, ok: false) and stores it", async () => {
    await admin().json('PUT', `/api/channels/${id}`, { accessToken: 'EAAG-revoked-token-0000' });
    const res = await admin().json<TestAnswer>('POST', `/api/channels/${id}/test`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ok: false,
      number: null,
      error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
    });
    expect((await channel()).connection).toMatchObject({
      status: 'error',
      error: '(#190) Invalid OAuth access token - Cannot parse access token',
      number: null,
    });
  });

  it('reports an unknown number id and an unreachable Graph API the same way', async () => {
    await t.testDb.db.updateTable('channels').set({ phone_number_id: '999000111' }).execute();
    const unknown = await admin().json<TestAnswer>('POST', `/api/channels/${id}/test`);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 100 } });
    expect(unknown.body.error?.message).toMatch(/Object with ID '999000111' does not exist/);

    const closed = await startFakeGraphApi();
    await closed.close();
    const offline = await createTestApp({
      config: readConfig({ DATA_DIR: '/nonexistent', WHATSAPP_GRAPH_URL: closed.url }),
    });
    try {
      const ch = (await offline.as('admin').json<{ channel: Channel }>('POST', '/api/channels', input)).body.channel;
      const res = await offline.as('admin').json<TestAnswer>('POST', `/api/channels/${ch.id}/test`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        ok: false,
        error: { code: null, message: 'Não foi possível conectar à Graph API.' },
      });
      expect(res.body.channel.connection.status).toBe('error');
    } finally {
      await offline.close();
    }
  });

  it('a new token or number un-proves a tested channel; an unchanged one does not', async () => {
    await admin().request('POST', `/api/channels/${id}/test`);
    await admin().json('PUT', `/api/channels/${id}`, { name: 'Loja Centro 2', phoneNumberId: input.phoneNumberId });
    expect((await channel()).connection.status).toBe('ok');
    await admin().json('PUT', `/api/channels/${id}`, { accessToken: 'EAAG-another-token-1234' });
    expect((await channel()).connection.status).toBe('unchecked');
    await admin().request('POST', `/api/channels/${id}/test`);
    await admin().json('PUT', `/api/channels/${id}`, { phoneNumberId: '106000000000399' });
    expect((await channel()).connection.status).toBe('unchecked');
  });

  it('a successful test clears a token the sender had seen rejected', async () => {
    await t.testDb.db.updateTable('channels').set({ healthy: false, health_error: '190 token expirado' }).execute();
    expect((await channel()).connection).toMatchObject({ status: 'error', error: '190 token expirado' });
    await admin().request('POST', `/api/channels/${id}/test`);
    expect(await channel()).toMatchObject({ healthy: true, healthError: null, connection: { status: 'ok' } });
  });

  it('is for admins, and a missing channel is a 404', async () => {
    expect((await t.as('editor').request('POST', `/api/channels/${id}/test`)).status).toBe(403);
    const missing = await admin().json<{ error: { code: string } }>('POST', '/api/channels/nope/test');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect(fake.requests).toHaveLength(0);
  });

  it("records Meta's webhook handshake on the channel with that verify token, and forgets it when the token changes", async () => {
    expect((await handshake('wrong-verify-token')).status).toBe(403);
    expect((await channel()).webhookVerifiedAt).toBeNull();
    const ok = await handshake(input.verifyToken);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const verifiedAt = (await channel()).webhookVerifiedAt;
    expect(verifiedAt).not.toBeNull();
    await admin().json('PUT', `/api/channels/${id}`, { verifyToken: input.verifyToken, name: 'Mesma coisa' });
    expect((await channel()).webhookVerifiedAt).toBe(verifiedAt);
    await admin().json('PUT', `/api/channels/${id}`, { verifyToken: 'a-new-verify-token' });
    expect((await channel()).webhookVerifiedAt).toBeNull();
  });

  it('is in the OpenAPI document', async () => {
    const doc = await admin().json<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json');
    expect(doc.body.paths['/channels/{id}/test']?.post).toBeDefined();
  });
});
