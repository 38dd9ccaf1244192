import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCampaignStatus } from './change-status.ts';
import { nextRunAfter } from './next-run.ts';
import { runDueCampaigns } from '../conversation/run-campaigns.ts';
import { countOutcomes, listRecipients } from '../db/queries/campaign-recipients.ts';
import { insertCampaign } from '../db/queries/campaigns.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';

const channelId = 'ch-campaign-runs';
const zone = 'America/Sao_Paulo';

/** The campaigns loop driven by hand with an injected time: waves, skips and recurrence by count. */
describe('campaign runs', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await t.db
      .insertInto('channels')
      .values({
        id: channelId,
        name: 'Loja',
        phone_number_id: '106000000000077',
        access_token_enc: 'x',
        app_secret_enc: 'x',
        verify_token: 'v',
        throughput: 3,
      })
      .execute();
  });
  afterAll(() => t.close());

  const contact = async (
    waId: string,
    values: { tags?: string[]; fields?: object; lastInbound?: Date; optedOut?: Date } = {},
  ) => {
    const id = randomUUID();
    await t.db
      .insertInto('contacts')
      .values({
        id,
        channel_id: channelId,
        wa_id: waId,
        name: `Contato ${waId.slice(-2)}`,
        variables: '{}',
        tags: values.tags ?? [],
        fields: JSON.stringify(values.fields ?? {}),
        last_inbound_at: values.lastInbound ?? null,
        opted_out_at: values.optedOut ?? null,
        created_at: new Date(0),
        updated_at: new Date(0),
      })
      .execute();
    return id;
  };
  const campaign = (values: {
    audience?: unknown[];
    filter?: object;
    schedule?: object;
    at: Date;
    parameters?: string[];
  }) =>
    insertCampaign(t.db, {
      name: 'Teste',
      channel_id: channelId,
      flow_id: null,
      template: JSON.stringify({ name: 'promo', language: 'pt_BR', parameters: values.parameters ?? [] }),
      audience: JSON.stringify(values.audience ?? []),
      audience_filter: values.filter ? JSON.stringify(values.filter) : null,
      schedule: values.schedule ? JSON.stringify(values.schedule) : null,
      status: 'scheduled',
      scheduled_at: values.at,
      created_by: null,
    });
  const templatesOf = async (campaignId: string) =>
    (
      await t.db
        .selectFrom('messages')
        .select('payload')
        .where('author_kind', '=', 'campaign')
        .where('author_id', '=', campaignId)
        .orderBy('created_at')
        .execute()
    ).map((m) => m.payload as { message: { parameters: string[] } });
  /** The sender handed every queued message to Meta (it paces them; not run here). */
  const drainSends = () => t.db.updateTable('outbox').set({ status: 'sent' }).where('status', '=', 'pending').execute();
  /**
   * Runs the loop's passes at `now` until one does nothing, as the loop does; by then the sender
   * has sent what earlier passes queued, unless `drained` is false.
   */
  const runAt = async (now: Date, { drained = true } = {}) => {
    if (drained) await drainSends();
    while ((await runDueCampaigns(t.db, now)) > 0);
  };

  it('sends in waves of the number throughput, one wave a second, with the parameters of each row', async () => {
    const t0 = new Date('2026-12-07T12:00:00Z');
    const audience = Array.from({ length: 7 }, (_, i) => ({
      phone: `55849910000${10 + i}`,
      name: `Pessoa ${i + 1}`,
      variables: { valor: `${i + 1}0,00` },
    }));
    const { id } = await campaign({ audience, at: t0, parameters: ['{{contact.name}}', 'R$ {{valor}}'] });

    await runAt(t0);
    expect(await templatesOf(id)).toHaveLength(3);
    // The same instant again: the next wave waits for its second.
    await runAt(new Date(t0.getTime() + 500));
    expect(await templatesOf(id)).toHaveLength(3);
    await runAt(new Date(t0.getTime() + 1000));
    expect(await templatesOf(id)).toHaveLength(6);
    await runAt(new Date(t0.getTime() + 2000));
    const sent = await templatesOf(id);
    expect(sent).toHaveLength(7);
    expect(sent[6]?.message.parameters).toEqual(['Pessoa 7', 'R$ 70,00']);
    expect((await countOutcomes(t.db, [id])).get(id)).toMatchObject({ queued: 7, skipped: 0 });
  });

  it("shares the number's throughput between campaigns, and waits while the number's sends are still unsent", async () => {
    const t0 = new Date('2026-12-09T09:00:00Z');
    const audience = (prefix: string) =>
      Array.from({ length: 4 }, (_, i) => ({ phone: `${prefix}${i}`, name: `P${i}`, variables: {} }));
    const a = await campaign({ audience: audience('558499200001'), at: t0 });
    const b = await campaign({ audience: audience('558499200002'), at: t0 });
    const queued = async () => (await templatesOf(a.id)).length + (await templatesOf(b.id)).length;

    await runAt(t0);
    // Both campaigns due, one number at 3 messages/s: 3 queued in all, not 3 each.
    expect(await queued()).toBe(3);
    // A second later the sender has not sent them yet (another flow's replies, Meta slow): nothing more.
    await runAt(new Date(t0.getTime() + 1000), { drained: false });
    expect(await queued()).toBe(3);
    // Sent: the next second's share goes out.
    await runAt(new Date(t0.getTime() + 2000));
    expect(await queued()).toBe(6);
    for (let s = 3; s <= 5; s += 1) await runAt(new Date(t0.getTime() + s * 1000));
    expect(await queued()).toBe(8);
  });

  it('skips contacts who opted out, whenever they did, and never sends twice to one number', async () => {
    const t0 = new Date('2026-12-08T12:00:00Z');
    await contact('5584991000201', { optedOut: new Date('2026-01-01T00:00:00Z') });
    const later = await contact('5584991000202');
    const { id } = await campaign({
      audience: [
        { phone: '5584991000201', name: '', variables: {} },
        { phone: '5584991000202', name: '', variables: {} },
        { phone: '5584991000203', name: '', variables: {} },
        { phone: '5584991000204', name: '', variables: {} },
        { phone: '5584991000205', name: '', variables: {} },
        { phone: '5584991000203', name: '', variables: {} },
      ],
      at: t0,
    });
    await runAt(t0);
    // Opted out between the run's start and their wave: still skipped.
    await t.db.updateTable('contacts').set({ opted_out_at: t0 }).where('id', '=', later).execute();
    await runAt(new Date(t0.getTime() + 1000));
    const rows = await listRecipients(t.db, id, { after: 0, limit: 100 });
    expect(rows.map((r) => [r.phone, r.outcome, r.skip_reason])).toEqual([
      ['5584991000201', 'skipped', 'opted_out'],
      ['5584991000202', 'queued', null],
      ['5584991000203', 'queued', null],
      ['5584991000204', 'queued', null],
      ['5584991000205', 'queued', null],
      ['5584991000203', 'skipped', 'duplicate'],
    ]);
    // 0202 was in the first wave (sent before opting out): its outcome is read from its message.
    expect(await templatesOf(id)).toHaveLength(4);
  });

  it('runs a recurring campaign at its time in the business time zone, each run with the audience of that moment', async () => {
    const schedule = { kind: 'daily' as const, time: '10:00' };
    const created = new Date('2026-12-09T11:00:00Z'); // 08:00 in São Paulo
    const first = nextRunAfter(schedule, created, zone);
    expect(first.toISOString()).toBe('2026-12-09T13:00:00.000Z');
    const filter = { tags: ['cliente'], fields: {}, inactiveDays: 30 };
    const idle = new Date('2026-10-01T12:00:00Z');
    await contact('5584991000301', { tags: ['cliente'], lastInbound: idle });
    await contact('5584991000302', { tags: ['cliente'], lastInbound: new Date('2026-12-08T12:00:00Z') }); // active
    await contact('5584991000303', { tags: ['outro'], lastInbound: idle });
    await contact('5584991000304', { tags: ['cliente'], optedOut: idle });
    const parent = await campaign({ filter, schedule, at: first });
    const runs = () =>
      t.db.selectFrom('campaigns').selectAll().where('parent_id', '=', parent.id).orderBy('scheduled_at').execute();

    await runAt(new Date('2026-12-09T12:59:00Z'));
    expect(await runs()).toHaveLength(0);
    await runAt(new Date('2026-12-09T13:00:00Z'));
    const [run1] = await runs();
    expect(run1).toBeDefined();
    expect((await listRecipients(t.db, run1!.id, { after: 0, limit: 10 })).map((r) => r.phone)).toEqual([
      '5584991000301',
    ]);
    const next = await t.db
      .selectFrom('campaigns')
      .select('scheduled_at')
      .where('id', '=', parent.id)
      .executeTakeFirstOrThrow();
    expect(new Date(next.scheduled_at).toISOString()).toBe('2026-12-10T13:00:00.000Z');

    // A new idle client before the next run: that run reaches them too; the first run is unchanged.
    await contact('5584991000305', { tags: ['cliente'] });
    await runAt(new Date('2026-12-10T13:00:05Z'));
    const [, run2] = await runs();
    expect((await listRecipients(t.db, run2!.id, { after: 0, limit: 10 })).map((r) => r.phone).sort()).toEqual([
      '5584991000301',
      '5584991000305',
    ]);
    expect(await listRecipients(t.db, run1!.id, { after: 0, limit: 10 })).toHaveLength(1);

    // Paused: the day's run does not happen; resumed after it, the next one comes the day after.
    await t.db
      .transaction()
      .execute((tx) => changeCampaignStatus(tx, parent.id, 'paused', new Date('2026-12-10T14:00:00Z'), zone));
    await runAt(new Date('2026-12-11T13:00:00Z'));
    expect(await runs()).toHaveLength(2);
    const resumed = await t.db
      .transaction()
      .execute((tx) => changeCampaignStatus(tx, parent.id, 'active', new Date('2026-12-11T15:00:00Z'), zone));
    expect(resumed?.status).toBe('scheduled');
    expect(new Date(resumed!.scheduled_at).toISOString()).toBe('2026-12-12T13:00:00.000Z');
  });

  it('stops a paused campaign between waves and skips who was still waiting when cancelled', async () => {
    const t0 = new Date('2026-12-13T12:00:00Z');
    const audience = Array.from({ length: 8 }, (_, i) => ({ phone: `55849910004${10 + i}`, name: '', variables: {} }));
    // The recurring campaign above has a run due by then: it takes its share of the number first.
    await runAt(t0);
    const { id } = await campaign({ audience, at: t0 });
    await runAt(t0);
    expect(await templatesOf(id)).toHaveLength(3);
    await t.db.transaction().execute((tx) => changeCampaignStatus(tx, id, 'paused', t0, zone));
    await runAt(new Date(t0.getTime() + 5000));
    expect(await templatesOf(id)).toHaveLength(3);
    await t.db.transaction().execute((tx) => changeCampaignStatus(tx, id, 'active', t0, zone));
    await runAt(new Date(t0.getTime() + 6000));
    expect(await templatesOf(id)).toHaveLength(6);
    await t.db.transaction().execute((tx) => changeCampaignStatus(tx, id, 'cancelled', t0, zone));
    await runAt(new Date(t0.getTime() + 9000));
    expect(await templatesOf(id)).toHaveLength(6);
    expect((await countOutcomes(t.db, [id])).get(id)).toMatchObject({ queued: 6, skipped: 2 });
    const skipped = await listRecipients(t.db, id, { outcome: 'skipped', after: 0, limit: 10 });
    expect(skipped.map((r) => r.skip_reason)).toEqual(['cancelled', 'cancelled']);
  });

  it('finds the next run on the chosen weekdays', () => {
    const weekly = { kind: 'weekly' as const, time: '09:30', weekdays: ['mon' as const, 'wed' as const] };
    // Sunday 2026-12-06 20:00 in São Paulo → Monday 09:30 (12:30Z).
    expect(nextRunAfter(weekly, new Date('2026-12-06T23:00:00Z'), zone).toISOString()).toBe('2026-12-07T12:30:00.000Z');
    // Monday just after → Wednesday.
    expect(nextRunAfter(weekly, new Date('2026-12-07T12:30:00Z'), zone).toISOString()).toBe('2026-12-09T12:30:00.000Z');
  });
});
