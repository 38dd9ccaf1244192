import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { renderTemplate } from '../../shared/template/render.ts';
import type { Db } from '../db/database.ts';
import { queueOutbound } from './queue-outbound.ts';

interface Recipient { phone: string; name: string; variables: Record<string, string | number | boolean | null> }
interface Template { name: string; language: string; parameters: string[] }

/**
 * Sends due campaigns. A campaign is claimed and queued in one transaction (contacts,
 * template messages in the outbox, flow starts as jobs), so a crash either queued all of
 * it or none of it, and it is never queued twice.
 */
export async function runDueCampaigns(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const due = await tx.updateTable('campaigns').set({ status: 'running' })
      .where('id', '=', (eb) => eb.selectFrom('campaigns').select('id')
        .where('status', '=', 'scheduled').where('scheduled_at', '<=', now).orderBy('scheduled_at').limit(1)
        .forUpdate().skipLocked())
      .returningAll().executeTakeFirst();
    if (!due) return 0;
    const template = due.template as unknown as Template;
    const audience = due.audience as unknown as Recipient[];
    let queued = 0;
    for (const r of audience) {
      const contact = await sql<{ id: string; user_id: string | null }>`
        insert into contacts (id, channel_id, wa_id, name, variables, updated_at)
        values (${randomUUID()}, ${due.channel_id}, ${r.phone}, ${r.name}, ${JSON.stringify(r.variables)}::jsonb, ${now})
        on conflict (channel_id, wa_id) where wa_id is not null
        do update set name = case when contacts.name = '' then excluded.name else contacts.name end, updated_at = excluded.updated_at
        returning id, user_id
      `.execute(tx);
      const row = contact.rows[0];
      if (!row) continue;
      const vars = { ...r.variables, contact: { name: r.name, phone: r.phone } };
      const message = { kind: 'template' as const, name: template.name, language: template.language, parameters: template.parameters.map((p) => renderTemplate(p, vars)) };
      await queueOutbound(tx, {
        contact: { id: row.id, channel_id: due.channel_id, wa_id: r.phone, user_id: row.user_id }, message,
        text: `[${template.name}] ${message.parameters.join(' · ')}`, authorKind: 'campaign', authorId: due.id, now,
      });
      if (due.flow_id) {
        await tx.insertInto('scheduled_jobs').values({
          id: randomUUID(), kind: 'flow_start', key: `campaign:${due.id}:${row.id}`, contact_id: row.id, run_at: now,
          payload: JSON.stringify({ flowId: due.flow_id, variables: r.variables }), status: 'pending',
        }).onConflict((oc) => oc.column('key').doNothing()).execute();
      }
      queued += 1;
    }
    await tx.updateTable('campaigns').set({ status: 'done', queued }).where('id', '=', due.id).execute();
    return 1;
  });
}
