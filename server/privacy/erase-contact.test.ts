import { sql } from 'kysely';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueCampaigns } from '../conversation/run-campaigns.ts';
import { migrateToLatest, openDatabase } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { agendaRules } from '../../shared/agenda/agenda.ts';
import { insertAgenda } from '../db/queries/agendas.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { eraseContact } from './erase-contact.ts';
import { scrubJson } from './scrub-json.ts';
import { insertBareChannel } from '../testing/bare-channel.ts';

const phone = '5584991239876';
const other = '5584991230001';
const name = 'Fernanda Lima';

/** A contact with history, in two campaigns' audiences and in an audit entry's details. */
async function seed(db: Db, now: Date) {
  await insertBareChannel(db, 'ch', '1');
  await db
    .insertInto('contacts')
    .values({ id: 'c1', channel_id: 'ch', wa_id: phone, name, variables: JSON.stringify({ cpf: '123' }) })
    .execute();
  await db
    .insertInto('messages')
    .values({
      id: 'm1',
      channel_id: 'ch',
      contact_id: 'c1',
      direction: 'in',
      type: 'text',
      text: `oi, sou ${name}`,
      status: 'received',
      payload: JSON.stringify({ from: phone }),
    })
    .execute();
  const audience = (first: string) =>
    JSON.stringify([
      { phone: first, name: 'Outra Pessoa', variables: {} },
      { phone, name, variables: { valor: '10' } },
    ]);
  await db
    .insertInto('campaigns')
    .values([
      {
        id: 'later',
        name: 'Cobrança',
        channel_id: 'ch',
        flow_id: null,
        template: JSON.stringify({ name: 'cobranca', language: 'pt_BR', parameters: [] }),
        audience: audience(other),
        status: 'scheduled',
        scheduled_at: new Date(now.getTime() + 60_000),
        created_by: null,
      },
      {
        id: 'sent',
        name: 'Boas-vindas',
        channel_id: 'ch',
        flow_id: null,
        template: JSON.stringify({ name: 'oi', language: 'pt_BR', parameters: [] }),
        audience: audience(other),
        status: 'running',
        scheduled_at: now,
        created_by: null,
      },
    ])
    .execute();
  // The sent campaign's result for this contact: their number and name are copied there too.
  await db
    .insertInto('campaign_recipients')
    .values({ campaign_id: 'sent', position: 1, contact_id: 'c1', phone, name, skip_reason: 'in_flow' })
    .execute();
  // An entry such as a future "contact.update" would write, and one about someone else also named Fernanda.
  await recordAudit(
    db,
    null,
    'contact.update',
    { type: 'contact', id: 'c1' },
    { before: { name, phone }, note: `ligar para ${phone}` },
  );
  await recordAudit(db, null, 'user.create', { type: 'user', id: 'u9' }, { name });
  // A visit to come and one that happened, booked by the contact, and someone else's visit.
  const agenda = await insertAgenda(db, agendaRules.parse({ name: 'Visitas' }));
  const booking = (id: string, startsAt: Date, bookedBy: string, contactId: string | null) => ({
    id,
    agenda_id: agenda.id,
    starts_at: startsAt,
    ends_at: new Date(startsAt.getTime() + 3_600_000),
    seat: 1,
    contact_id: contactId,
    contact_phone: bookedBy,
    contact_name: bookedBy === phone ? name : 'Outra Pessoa',
    remind_at: new Date(startsAt.getTime() - 86_400_000),
  });
  await db
    .insertInto('bookings')
    .values([
      booking('future', new Date(now.getTime() + 3 * 86_400_000), phone, 'c1'),
      booking('past', new Date(now.getTime() - 3 * 86_400_000), phone, 'c1'),
      booking('theirs', new Date(now.getTime() + 4 * 86_400_000), other, null),
    ])
    .execute();
}

describe('LGPD erasure of a contact', () => {
  let t: TestApp;
  const now = new Date();
  beforeAll(async () => {
    t = await createTestApp();
    await seed(t.testDb.db, now);
    expect((await t.as('admin').request('DELETE', '/api/contacts/c1')).status).toBe(204);
  });
  afterAll(() => t.close());

  it('leaves the number in no row of any table', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
      t.testDb.db,
    );
    const holding: string[] = [];
    for (const { table_name } of tables.rows) {
      const found = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table_name)} as t where t::text like ${`%${phone}%`}`.execute(
        t.testDb.db,
      );
      if (found.rows[0]!.n > 0) holding.push(table_name);
    }
    expect(holding).toEqual([]);
  });

  it('takes the contact out of campaign audiences, keeping the other recipients in order', async () => {
    const rows = await t.testDb.db.selectFrom('campaigns').select(['id', 'audience']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'later', audience: [{ phone: other, name: 'Outra Pessoa', variables: {} }] },
      { id: 'sent', audience: [{ phone: other, name: 'Outra Pessoa', variables: {} }] },
    ]);
    // So the scheduled campaign no longer brings the contact back.
    await runDueCampaigns(t.testDb.db, new Date(now.getTime() + 120_000));
    expect(await t.testDb.db.selectFrom('contacts').select('wa_id').execute()).toEqual([{ wa_id: other }]);
  });

  it("cancels the contact's coming visits and forgets who booked any of theirs, leaving others' alone", async () => {
    const rows = await t.testDb.db
      .selectFrom('bookings')
      .select(['id', 'status', 'contact_id', 'contact_phone', 'contact_name', 'remind_at'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.id, r.status, r.contact_id, r.contact_phone, r.contact_name])).toEqual([
      ['future', 'cancelled', null, '', ''],
      ['past', 'booked', null, '', ''],
      ['theirs', 'booked', null, other, 'Outra Pessoa'],
    ]);
    expect(rows.find((r) => r.id === 'future')?.remind_at).toBeNull();
  });

  it("scrubs the number and name from the contact's audit entries, and only there for the name", async () => {
    const rows = await t.testDb.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(rows.find((r) => r.action === 'contact.update')?.details).toEqual({
      before: { name: '[apagado]', phone: '[apagado]' },
      note: 'ligar para [apagado]',
    });
    expect(rows.find((r) => r.action === 'user.create')?.details).toEqual({ name });
    expect(rows.filter((r) => r.action === 'contact.erase')).toHaveLength(1);
  });
});

describe('LGPD erasure on the embedded database', () => {
  it('leaves no trace of the number in any file under DATA_DIR', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fluxo-erase-'));
    const filesWith = (needle: string) =>
      (readdirSync(dataDir, { recursive: true }) as string[]).filter(
        (f) => statSync(join(dataDir, f)).isFile() && readFileSync(join(dataDir, f)).includes(needle),
      );
    try {
      let database = await openDatabase({ dataDir });
      await migrateToLatest(database.db);
      await seed(database.db, new Date());
      await database.close();
      expect(filesWith(phone).length).toBeGreaterThan(0);

      database = await openDatabase({ dataDir });
      await eraseContact(database.db, { id: 'c1', channelId: 'ch', waId: phone, name }, null);
      await database.close();
      expect(filesWith(phone)).toEqual([]);
      // The rest is still there and readable.
      database = await openDatabase({ dataDir });
      expect(await database.db.selectFrom('contacts').select('id').execute()).toEqual([]);
      expect((await database.db.selectFrom('campaigns').select('id').execute()).length).toBe(2);
      await database.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('scrubJson', () => {
  it('replaces the values in strings, keys and numbers, and leaves the rest', () => {
    expect(scrubJson({ [phone]: 1, to: Number(phone), list: [`+${phone}`, 'x', null, true] }, [phone, ''])).toEqual({
      '[apagado]': 1,
      to: '[apagado]',
      list: ['+[apagado]', 'x', null, true],
    });
  });
});
