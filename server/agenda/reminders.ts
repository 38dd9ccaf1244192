import { wallTimeOf } from '../../shared/agenda/zoned-time.ts';
import { hourLabel, dateLabel } from '../../runtime/agenda.ts';
import type { OutboundMessage } from '../../runtime/messages.ts';
import type { AgendaRules } from '../../shared/agenda/agenda.ts';
import { renderTemplate } from '../../shared/template/render.ts';
import { queueOutbound } from '../conversation/queue-outbound.ts';
import type { Db } from '../db/database.ts';
import { findAgenda } from '../db/queries/agendas.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findContact } from '../db/queries/contacts.ts';
import { serviceWindow } from '../../shared/whatsapp/service-window.ts';

export interface ReminderResult {
  /** Sent as text within the 24-hour window, or as the agenda's template outside it. */
  sent: number;
  /** Due outside the window without a template (or with no contact to write to): recorded, not sent. */
  recorded: number;
}

/** What the contact reads the day before. */
export function reminderText(agendaName: string, startsAt: Date, timeZone: string): string {
  const wall = wallTimeOf(startsAt, timeZone);
  return `⏰ Lembrete: ${agendaName} em *${dateLabel(wall.date)} às ${hourLabel(wall.time)}*. Para remarcar ou cancelar, é só nos escrever.`;
}

/**
 * The reminder for one booking: text inside the window, the agenda's template outside it (its
 * parameters filled with the contact's name, the agenda, the date and the time), else none.
 */
export function reminderMessage(
  rules: AgendaRules,
  contactName: string,
  startsAt: Date,
  timeZone: string,
  windowOpen: boolean,
): OutboundMessage | null {
  if (windowOpen) return { kind: 'text', text: reminderText(rules.name, startsAt, timeZone) };
  const template = rules.reminderTemplate;
  if (!template) return null;
  const wall = wallTimeOf(startsAt, timeZone);
  const vars = { nome: contactName, agenda: rules.name, data: dateLabel(wall.date), hora: hourLabel(wall.time) };
  return {
    kind: 'template',
    name: template.name,
    language: template.language,
    parameters: template.parameters.map((p) => renderTemplate(p, vars)),
  };
}

/**
 * Sends the reminders that are due, each once: rows are taken with SKIP LOCKED and marked in
 * the same transaction as the queued message, so two instances never remind twice. Outside the
 * 24-hour window a text would be refused by Meta: the agenda's approved template goes instead, or,
 * without one, the reminder is only recorded in the audit log (`booking.reminder`, `via: null`).
 */
export async function sendDueReminders(db: Db, now: Date, timeZone: string, limit = 100): Promise<ReminderResult> {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom('bookings')
      .selectAll()
      .where('status', '=', 'booked')
      .where('reminded_at', 'is', null)
      .where('remind_at', '<=', now)
      .where('starts_at', '>', now)
      .orderBy('remind_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    const result: ReminderResult = { sent: 0, recorded: 0 };
    for (const b of due) {
      const agenda = await findAgenda(tx, b.agenda_id);
      const contact = b.contact_id ? await findContact(tx, b.contact_id) : undefined;
      const open = contact ? serviceWindow(contact.last_inbound_at, now).open : false;
      const message =
        contact && agenda ? reminderMessage(agenda.rules, contact.name, new Date(b.starts_at), timeZone, open) : null;
      if (contact && message) {
        await queueOutbound(tx, { contact, message, authorKind: 'operator', authorId: null, now });
        result.sent++;
      } else result.recorded++;
      await tx.updateTable('bookings').set({ reminded_at: now }).where('id', '=', b.id).execute();
      await recordAudit(
        tx,
        null,
        'booking.reminder',
        { type: 'booking', id: b.id },
        {
          via: message?.kind ?? null,
          reason: contact ? (open ? null : message ? null : 'outside_window') : 'no_contact',
        },
      );
    }
    return result;
  });
}
