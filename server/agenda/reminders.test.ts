import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRules } from '../../shared/agenda/agenda.ts';
import { insertAgenda } from '../db/queries/agendas.ts';
import { seedChannel } from '../testing/seed-inbox.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { sendDueReminders } from './reminders.ts';

const now = new Date('2026-11-23T14:00:00Z');

describe('booking reminders', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => now } });
  });
  afterAll(() => t.close());

  it('texts contacts inside the 24-hour window once, and records the others', async () => {
    const { db } = t.testDb;
    const channel = await seedChannel(db, t.deps.secrets);
    const agenda = await insertAgenda(db, agendaRules.parse({ name: 'Visita ao imóvel' }));
    const contact = async (phone: string, lastInboundAt: Date) => {
      const id = randomUUID();
      await db
        .insertInto('contacts')
        .values({
          id,
          channel_id: channel.id,
          wa_id: phone,
          name: phone,
          last_inbound_at: lastInboundAt,
          variables: '{}',
        })
        .execute();
      return id;
    };
    const recent = await contact('5584991230001', new Date(now.getTime() - 3_600_000));
    const old = await contact('5584991230002', new Date(now.getTime() - 3 * 86_400_000));
    const startsAt = new Date('2026-11-24T13:30:00Z');
    for (const [i, contactId] of [recent, old].entries()) {
      await db
        .insertInto('bookings')
        .values({
          id: `b${i}`,
          agenda_id: agenda.id,
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + 3_600_000),
          seat: i + 1,
          contact_id: contactId,
          contact_phone: `558499123000${i + 1}`,
          remind_at: new Date(startsAt.getTime() - 86_400_000),
        })
        .execute();
    }

    expect(await sendDueReminders(db, now, 'America/Sao_Paulo')).toEqual({ sent: 1, recorded: 1 });
    expect(await sendDueReminders(db, now, 'America/Sao_Paulo')).toEqual({ sent: 0, recorded: 0 });
    const messages = await db.selectFrom('messages').selectAll().where('contact_id', '=', recent).execute();
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0])).toContain('Visita ao imóvel em *24/11/2026 às 10h30*');
    const audit = await db
      .selectFrom('audit_log')
      .select(['target_id', 'details'])
      .where('action', '=', 'booking.reminder')
      .execute();
    expect(audit.map((a) => [a.target_id, (a.details as { via: string | null }).via]).sort()).toEqual([
      ['b0', 'text'],
      ['b1', null],
    ]);
  });

  it("sends the agenda's template outside the window, its parameters filled", async () => {
    const { db } = t.testDb;
    const channel = await db.selectFrom('channels').select('id').executeTakeFirstOrThrow();
    const agenda = await insertAgenda(
      db,
      agendaRules.parse({
        name: 'Consulta',
        reminderTemplate: { name: 'lembrete_visita', parameters: ['{{nome}}', '{{data}} às {{hora}}'] },
      }),
    );
    const id = randomUUID();
    await db
      .insertInto('contacts')
      .values({
        id,
        channel_id: channel.id,
        wa_id: '5584991230009',
        name: 'Bia',
        last_inbound_at: new Date(now.getTime() - 5 * 86_400_000),
        variables: '{}',
      })
      .execute();
    const startsAt = new Date('2026-11-24T17:00:00Z');
    await db
      .insertInto('bookings')
      .values({
        id: 'b-template',
        agenda_id: agenda.id,
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 3_600_000),
        seat: 1,
        contact_id: id,
        contact_phone: '5584991230009',
        remind_at: new Date(now.getTime() - 60_000),
      })
      .execute();
    expect(await sendDueReminders(db, now, 'America/Sao_Paulo')).toEqual({ sent: 1, recorded: 0 });
    const [message] = await db.selectFrom('messages').selectAll().where('contact_id', '=', id).execute();
    expect(message?.type).toBe('template');
    const payload = JSON.stringify(message?.payload);
    expect(payload).toContain('lembrete_visita');
    expect(payload).toContain('"Bia"');
    expect(payload).toContain('24/11/2026 às 14h');
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'booking.reminder')
      .where('target_id', '=', 'b-template')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ via: 'template', reason: null });
  });
});
