import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOptOut } from '../../shared/api/settings.ts';
import { insertCampaign } from '../db/queries/campaigns.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

interface Campaign {
  id: string;
  status: string;
  totals: Record<string, number>;
}
interface Recipient {
  phone: string;
  outcome: string;
  skipReason: string | null;
}

/** Issue 18: opt-out words over signed webhooks, audiences from contacts and CSV, controls and export. */
describe('campaign controls', () => {
  let h: MessagingHarness;
  let call: <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T; text: string }>;
  beforeAll(async () => {
    h = await startMessagingHarness();
    const { secret } = await createApiToken(h.testDb.db, { name: 'mkt', role: 'admin', createdBy: null });
    call = async <T>(method: string, path: string, body?: unknown) => {
      const res = await h.app.request(path, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const isJson = (res.headers.get('content-type') ?? '').includes('json');
      return { status: res.status, body: (isJson ? JSON.parse(text) : null) as T, text };
    };
  });
  afterAll(() => h.close());

  const textsTo = (to: string) =>
    h.fake
      .sent()
      .map((s) => s.body as { to?: string; type?: string; text?: { body: string } })
      .filter((b) => b.to === to && b.type === 'text')
      .map((b) => b.text?.body);
  const optedOut = async (waId: string) =>
    (await h.testDb.db.selectFrom('contacts').select('opted_out_at').where('wa_id', '=', waId).executeTakeFirst())
      ?.opted_out_at ?? null;
  const say = (from: string, wamid: string, text: string) =>
    h.postJson(messageWebhook({ ...channelA, wamid, from, name: 'Rita', timestamp: new Date(), text }));

  it('opts a contact out on "Parar!" at any time, confirms it, skips them in campaigns, and takes them back on VOLTAR', async () => {
    await say('5584991700001', 'wamid.optout.1', 'Parar!');
    await expect.poll(() => textsTo('+5584991700001'), { timeout: 5000 }).toEqual([defaultOptOut.stopReply]);
    expect(await optedOut('5584991700001')).not.toBeNull();

    const res = await call<{ campaign: Campaign }>('POST', '/api/campaigns', {
      name: 'Promo',
      channelId: h.channelId,
      template: { name: 'promo' },
      audience: [{ phone: '84991700001' }],
    });
    expect(res.status).toBe(201);
    await expect
      .poll(
        async () =>
          (await call<{ recipients: Recipient[] }>('GET', `/api/campaigns/${res.body.campaign.id}/recipients`)).body
            .recipients,
        { timeout: 5000 },
      )
      .toEqual([expect.objectContaining({ outcome: 'skipped', skipReason: 'opted_out' })]);
    expect(
      (await call<{ campaign: Campaign }>('GET', `/api/campaigns/${res.body.campaign.id}`)).body.campaign.status,
    ).toBe('done');

    // A sentence with the word in it is not an opt-out; the word alone, in any case, brings them back.
    await say('5584991700001', 'wamid.optout.2', 'voltar');
    await expect
      .poll(() => textsTo('+5584991700001'), { timeout: 5000 })
      .toEqual([defaultOptOut.stopReply, defaultOptOut.startReply]);
    expect(await optedOut('5584991700001')).toBeNull();
  });

  it('reads the opt-out words from the settings', async () => {
    const put = await call('PATCH', '/api/settings', {
      optOut: { ...defaultOptOut, stopWords: ['DESCADASTRAR'], stopReply: 'Ok, descadastrado.' },
    });
    expect(put.status).toBe(200);
    // The processor re-reads the settings every few seconds.
    await expect
      .poll(
        async () => {
          await say('5584991700002', `wamid.optout.3.${Date.now()}`, 'descadastrar');
          return optedOut('5584991700002');
        },
        { timeout: 15_000, interval: 2000 },
      )
      .not.toBeNull();
    expect(textsTo('+5584991700002')).toContain('Ok, descadastrado.');
    await call('PATCH', '/api/settings', { optOut: defaultOptOut });
  });

  it("sets a number's throughput, which campaigns pace to", async () => {
    const res = await call<{ channel: { throughput: number | null } }>('PATCH', `/api/channels/${h.channelId}`, {
      throughput: 1000,
    });
    expect(res.status).toBe(200);
    expect(res.body.channel.throughput).toBe(1000);
    expect((await call('PATCH', `/api/channels/${h.channelId}`, { throughput: 0 })).status).toBe(400);
    const cleared = await call<{ channel: { throughput: number | null } }>('PATCH', `/api/channels/${h.channelId}`, {
      throughput: null,
    });
    expect(cleared.body.channel.throughput).toBeNull();
  });

  it('pages the recipients past the first 200 with a cursor, also filtered by outcome', async () => {
    const { db } = h.testDb;
    const campaign = await insertCampaign(db, {
      name: 'Grande',
      channel_id: h.channelId,
      flow_id: null,
      template: JSON.stringify({ name: 'promo', language: 'pt_BR', parameters: [] }),
      audience: '[]',
      audience_filter: null,
      schedule: null,
      // Paused: the loop sends nothing; the rows are what a run wrote.
      status: 'paused',
      scheduled_at: new Date(),
      created_by: null,
    });
    const phones = Array.from({ length: 450 }, (_, i) => `55849960${String(i).padStart(5, '0')}`);
    await db
      .insertInto('contacts')
      // Active contacts: not in the audience of the "inactive for 30 days" campaign below.
      .values(
        phones.map((p) => ({
          id: `page-${p}`,
          channel_id: h.channelId,
          wa_id: p,
          variables: '{}',
          last_inbound_at: new Date(),
        })),
      )
      .execute();
    await db
      .insertInto('campaign_recipients')
      .values(
        phones.map((p, i) => ({
          campaign_id: campaign.id,
          position: i,
          contact_id: `page-${p}`,
          phone: p,
          message_id: null,
          // Every third was skipped (opted out).
          skip_reason: i % 3 === 0 ? ('opted_out' as const) : null,
          variables: '{}',
        })),
      )
      .execute();
    const page = async (query: string) =>
      (
        await call<{ recipients: { row: number; outcome: string }[]; next: number | null }>(
          'GET',
          `/api/campaigns/${campaign.id}/recipients${query}`,
        )
      ).body;

    const rows: number[] = [];
    let after: number | null = 0;
    let pages = 0;
    while (after !== null) {
      const p = await page(`?after=${after}&limit=200`);
      rows.push(...p.recipients.map((r) => r.row));
      after = p.next;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(rows).toEqual(phones.map((_, i) => i + 1));

    const first = await page('?outcome=skipped&limit=100');
    expect(first.recipients).toHaveLength(100);
    expect(first.recipients.every((r) => r.outcome === 'skipped')).toBe(true);
    expect(first.next).toBe(first.recipients[99]!.row);
    const second = await page(`?outcome=skipped&limit=100&after=${first.next}`);
    expect(second.recipients.map((r) => r.row)).toEqual(Array.from({ length: 50 }, (_, i) => 301 + i * 3));
    expect(second.next).toBeNull();
    expect((await call('GET', `/api/campaigns/${campaign.id}/recipients?limit=0`)).status).toBe(400);
  });

  it('reads a CSV audience with a report per row', async () => {
    const res = await call<{
      audience: { phone: string; variables: Record<string, unknown> }[];
      columns: string[];
      issues: { row: number; message: string }[];
    }>('POST', '/api/campaigns/audience-csv', {
      csv: 'nome;telefone;valor\nAna;(84) 99170-0010;350,00\nBeto;123;10,00\nCaio;+55 84 99170-0011;20,00\n',
    });
    expect(res.status).toBe(200);
    expect(res.body.audience.map((r) => r.phone)).toEqual(['5584991700010', '5584991700011']);
    expect(res.body.audience[0]?.variables).toEqual({ valor: '350,00' });
    expect(res.body.columns).toEqual(['valor']);
    expect(res.body.issues).toEqual([{ row: 3, message: expect.stringContaining('"123"') }]);
    const bad = await call<{ error: { code: string } }>('POST', '/api/campaigns/audience-csv', { csv: 'nome\nAna\n' });
    expect(bad.status).toBe(400);
  });

  it('sends a filtered audience from the contacts, pauses, cancels and exports the results', async () => {
    const { db } = h.testDb;
    await say('5584991700020', 'wamid.filter.1', 'oi');
    await say('5584991700021', 'wamid.filter.2', 'oi');
    await expect
      .poll(async () => (await db.selectFrom('contacts').select('id').execute()).length)
      .toBeGreaterThanOrEqual(4);
    await db
      .updateTable('contacts')
      .set({ tags: ['vip'], fields: JSON.stringify({ cidade: 'Natal' }) })
      .where('wa_id', '=', '5584991700020')
      .execute();
    const res = await call<{ campaign: Campaign }>('POST', '/api/campaigns', {
      name: 'VIP',
      channelId: h.channelId,
      template: { name: 'promo_vip', parameters: ['{{cidade}}'] },
      audienceFilter: { tags: ['vip'] },
      contactsInFlow: 'interrupt',
    });
    expect(res.status).toBe(201);
    const id = res.body.campaign.id;
    await expect
      .poll(
        () =>
          h.fake
            .sent()
            .map((s) => s.body as { to?: string; template?: { components?: { parameters: { text: string }[] }[] } })
            .filter((b) => b.to === '+5584991700020' && b.template)
            .map((b) => b.template?.components?.[0]?.parameters[0]?.text),
        { timeout: 15_000 },
      )
      .toEqual(['Natal']);
    expect(
      (await call<{ recipients: Recipient[] }>('GET', `/api/campaigns/${id}/recipients`)).body.recipients.map(
        (r) => r.phone,
      ),
    ).toEqual(['5584991700020']);

    const csv = await call('GET', `/api/campaigns/${id}/recipients.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('row,phone,name,outcome,skip_reason,error_code,error_reason');
    expect(csv.text).toContain('5584991700020');
    // An export is an audited action (issue 17, Auditoria).
    expect(
      await h.testDb.db
        .selectFrom('audit_log')
        .select(['actor_kind', 'target_id', 'details'])
        .where('action', '=', 'campaign.export')
        .execute(),
    ).toEqual([{ actor_kind: 'token', target_id: id, details: { recipients: 1 } }]);

    const paused = await call<{ campaign: Campaign }>('PATCH', `/api/campaigns/${id}`, { status: 'paused' });
    expect(paused.body.campaign.status).toBe('paused');
    const cancelled = await call<{ campaign: Campaign }>('PUT', `/api/campaigns/${id}`, { status: 'cancelled' });
    expect(cancelled.body.campaign.status).toBe('cancelled');
    const again = await call<{ campaign: Campaign }>('PATCH', `/api/campaigns/${id}`, { status: 'active' });
    expect(again.body.campaign.status).toBe('cancelled');
    const bad = await call<{ error: { code: string } }>('PATCH', `/api/campaigns/${id}`, { status: 'done' });
    expect(bad.status).toBe(400);
    expect((await call('PATCH', '/api/campaigns/nope', { status: 'paused' })).status).toBe(404);
  });

  it('creates a recurring campaign with its next run in the business time zone, and refuses half an audience', async () => {
    const res = await call<{ campaign: Campaign & { scheduledAt: string; schedule: unknown } }>(
      'POST',
      '/api/campaigns',
      {
        name: 'Reativação',
        channelId: h.channelId,
        template: { name: 'volte_sempre' },
        audienceFilter: { inactiveDays: 30 },
        schedule: { kind: 'weekly', time: '10:00', weekdays: ['mon'] },
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.campaign.status).toBe('scheduled');
    expect(res.body.campaign.schedule).toEqual({ kind: 'weekly', time: '10:00', weekdays: ['mon'] });
    // 10:00 in São Paulo is 13:00 UTC, on a Monday.
    const next = new Date(res.body.campaign.scheduledAt);
    expect([next.getUTCHours(), next.getUTCMinutes(), next.getUTCDay()]).toEqual([13, 0, 1]);
    const neither = await call<{ error: { code: string } }>('POST', '/api/campaigns', {
      name: 'Nada',
      channelId: h.channelId,
      template: { name: 'x' },
    });
    expect(neither.status).toBe(400);
    const parentId = res.body.campaign.id;
    const runs = async () =>
      (await call<{ campaigns: Campaign[] }>('GET', `/api/campaigns?parentId=${parentId}`)).body.campaigns;
    expect(await runs()).toEqual([]);

    // Run now: a run of its own (nobody has been silent for 30 days here: none to send), schedule kept.
    const now = await call<{ campaign: Campaign & { scheduledAt: string } }>('PATCH', `/api/campaigns/${parentId}`, {
      runNow: true,
    });
    expect(now.status).toBe(200);
    await expect.poll(async () => (await runs()).map((r) => r.status), { timeout: 10_000 }).toEqual(['done']);
    const parent = (await call<{ campaign: Campaign & { scheduledAt: string } }>('GET', `/api/campaigns/${parentId}`))
      .body.campaign;
    expect(parent.status).toBe('scheduled');
    expect(parent.scheduledAt).toBe(res.body.campaign.scheduledAt);
    const paused = await call('PATCH', `/api/campaigns/${parentId}`, { status: 'paused' });
    expect(paused.status).toBe(200);
    expect((await call('PATCH', `/api/campaigns/${parentId}`, { runNow: true })).status).toBe(409);
  });
});
