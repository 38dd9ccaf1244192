import { sql, type Kysely } from 'kysely';

/**
 * Appointments: `agendas` are bookable resources (a broker, a room, a property) whose rules
 * (weekly hours, slot length, seats, closed days, notice, horizon, reminder) are one jsonb value
 * checked by shared/agenda/agenda.ts; `bookings` hold one seat of one slot each. The partial
 * unique index is what makes booking atomic across instances: two contacts inserting the same
 * seat of the same slot cannot both succeed, and a cancelled booking frees its seat.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agendas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    // Secret of the iCalendar feed URL: calendar apps cannot send a bearer token.
    .addColumn('calendar_token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agenda_id', 'text', (c) => c.notNull().references('agendas.id').onDelete('cascade'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('seat', 'integer', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('booked'))
    // When the reminder is due; null when the agenda sends none. `reminded_at` marks it handled.
    .addColumn('remind_at', 'timestamptz')
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('cancelled_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('bookings_seat_key')
    .unique()
    .on('bookings')
    .columns(['agenda_id', 'starts_at', 'seat'])
    .where(sql.ref('status'), '=', 'booked')
    .execute();
  await db.schema
    .createIndex('bookings_agenda_starts_idx')
    .on('bookings')
    .columns(['agenda_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('bookings_contact_phone_idx').on('bookings').column('contact_phone').execute();
  await db.schema
    .createIndex('bookings_due_reminders_idx')
    .on('bookings')
    .column('remind_at')
    .where(sql.ref('reminded_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('bookings').execute();
  await db.schema.dropTable('agendas').execute();
}
