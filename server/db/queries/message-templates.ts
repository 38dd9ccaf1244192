import { randomUUID } from 'node:crypto';
import type { Executor } from '../database.ts';
import type { Row } from '../tables.ts';
import type { GraphTemplate } from '../../templates/graph-templates.ts';

export type MessageTemplateRow = Row<'message_templates'> & { channel_name: string };

/**
 * Replaces a channel's catalogue with what Meta listed: templates Meta no longer lists are
 * deleted there too, the others are inserted or updated in place (their ids stay stable).
 */
export async function replaceChannelTemplates(
  db: Executor,
  channel: { id: string; wabaId: string },
  templates: GraphTemplate[],
  now: Date,
): Promise<void> {
  const ids = templates.map((t) => t.id);
  let stale = db.deleteFrom('message_templates').where('channel_id', '=', channel.id);
  if (ids.length) stale = stale.where('meta_id', 'not in', ids);
  await stale.execute();
  if (!templates.length) return;
  await db
    .insertInto('message_templates')
    .values(
      templates.map((t) => ({
        id: randomUUID(),
        channel_id: channel.id,
        waba_id: channel.wabaId,
        meta_id: t.id,
        name: t.name,
        language: t.language,
        category: t.category,
        status: t.status,
        quality: t.quality_score?.score ?? null,
        parameter_format: t.parameter_format,
        components: JSON.stringify(t.components),
        rejected_reason: t.rejected_reason ?? null,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['channel_id', 'meta_id']).doUpdateSet((eb) => ({
        waba_id: eb.ref('excluded.waba_id'),
        name: eb.ref('excluded.name'),
        language: eb.ref('excluded.language'),
        category: eb.ref('excluded.category'),
        status: eb.ref('excluded.status'),
        quality: eb.ref('excluded.quality'),
        parameter_format: eb.ref('excluded.parameter_format'),
        components: eb.ref('excluded.components'),
        rejected_reason: eb.ref('excluded.rejected_reason'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

export async function listMessageTemplates(
  db: Executor,
  filter: { channelId?: string | undefined; status?: string | undefined },
): Promise<MessageTemplateRow[]> {
  let q = db
    .selectFrom('message_templates as t')
    .innerJoin('channels as c', 'c.id', 't.channel_id')
    .selectAll('t')
    .select('c.name as channel_name');
  if (filter.channelId) q = q.where('t.channel_id', '=', filter.channelId);
  if (filter.status) q = q.where('t.status', '=', filter.status.toUpperCase());
  return q.orderBy('t.name').orderBy('t.language').orderBy('t.channel_id').execute();
}

/** A template webhook's change, applied to every channel of the WABA that holds the template. */
export async function updateTemplateByMetaId(
  db: Executor,
  wabaId: string,
  metaId: string,
  change: { status?: string; quality?: string; category?: string; rejectedReason?: string | null },
  now: Date,
): Promise<number> {
  const rows = await db
    .updateTable('message_templates')
    .set({
      ...(change.status !== undefined && { status: change.status }),
      ...(change.quality !== undefined && { quality: change.quality }),
      ...(change.category !== undefined && { category: change.category }),
      ...(change.rejectedReason !== undefined && { rejected_reason: change.rejectedReason }),
      updated_at: now,
    })
    .where('waba_id', '=', wabaId)
    .where('meta_id', '=', metaId)
    .returning('id')
    .execute();
  return rows.length;
}

/** A template just submitted from the studio, stored as Meta answered (PENDING) until its webhook or a sync. */
export async function insertSubmittedTemplate(
  db: Executor,
  t: {
    channelId: string;
    wabaId: string;
    metaId: string;
    name: string;
    language: string;
    category: string;
    status: string;
    parameterFormat: string;
    components: unknown[];
  },
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('message_templates')
    .values({
      id,
      channel_id: t.channelId,
      waba_id: t.wabaId,
      meta_id: t.metaId,
      name: t.name,
      language: t.language,
      category: t.category,
      status: t.status,
      quality: null,
      parameter_format: t.parameterFormat,
      components: JSON.stringify(t.components),
      rejected_reason: null,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['channel_id', 'meta_id']).doUpdateSet({ status: t.status, category: t.category, updated_at: now }),
    )
    .execute();
  return id;
}
