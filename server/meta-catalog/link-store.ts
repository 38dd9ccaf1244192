import { sql } from 'kysely';
import {
  metaCatalogSyncResult,
  type MetaCatalogLink,
  type MetaCatalogSyncResult,
} from '../../shared/api/meta-catalog.ts';
import type { Executor } from '../db/database.ts';
import { defaultCatalogId } from '../db/queries/catalogs.ts';
import type { Row } from '../db/tables.ts';

export type LinkRow = Row<'meta_catalog_links'>;

export function linkView(r: LinkRow): MetaCatalogLink {
  const last = metaCatalogSyncResult.safeParse(r.last_sync);
  return {
    catalogId: r.catalog_id,
    metaCatalogId: r.meta_catalog_id,
    brand: r.brand,
    websiteUrl: r.website_url,
    autoSync: r.auto_sync,
    lastSyncAt: r.last_sync_at ? new Date(r.last_sync_at).toISOString() : null,
    lastSync: last.success ? last.data : null,
  };
}

export async function findLink(db: Executor, catalogId: string): Promise<LinkRow | undefined> {
  return db.selectFrom('meta_catalog_links').selectAll().where('catalog_id', '=', catalogId).executeTakeFirst();
}

export async function saveLink(
  db: Executor,
  catalogId: string,
  values: { metaCatalogId: string; brand: string | null; websiteUrl: string | null; autoSync: boolean },
): Promise<LinkRow> {
  const previous = await findLink(db, catalogId);
  // Another Meta catalog holds none of our items: forget what the old one had.
  if (previous && previous.meta_catalog_id !== values.metaCatalogId)
    await db.deleteFrom('meta_catalog_items').where('catalog_id', '=', catalogId).execute();
  const row = {
    meta_catalog_id: values.metaCatalogId,
    brand: values.brand,
    website_url: values.websiteUrl,
    auto_sync: values.autoSync,
    updated_at: new Date(),
  };
  return db
    .insertInto('meta_catalog_links')
    .values({ catalog_id: catalogId, ...row })
    .onConflict((oc) => oc.column('catalog_id').doUpdateSet(row))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteLink(db: Executor, catalogId: string): Promise<boolean> {
  await db.deleteFrom('meta_catalog_items').where('catalog_id', '=', catalogId).execute();
  const gone = await db.deleteFrom('meta_catalog_links').where('catalog_id', '=', catalogId).executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

/**
 * Stores a sync's result. An on-demand sync clears `sync_due_at`; an automatic one (`claim`) sets
 * it to `claim.next` (null, or the retry after a failure) only if it still holds the claim's
 * value: an edit made while the sync ran moved it, and that edit still needs its sync.
 */
export async function recordSync(
  db: Executor,
  catalogId: string,
  at: Date,
  result: MetaCatalogSyncResult,
  claim?: { dueAt: Date; next: Date | null },
) {
  const due = claim
    ? sql<Date | null>`case when sync_due_at = ${claim.dueAt} then ${claim.next}::timestamptz else sync_due_at end`
    : null;
  return db
    .updateTable('meta_catalog_links')
    .set({ last_sync_at: at, last_sync: JSON.stringify(result), sync_due_at: due })
    .where('catalog_id', '=', catalogId)
    .returningAll()
    .executeTakeFirst();
}

/** The channels offering this catalog (a channel without one offers the main catalog), oldest first. */
export async function channelsOfCatalog(db: Executor, catalogId: string) {
  let q = db.selectFrom('channels').select(['id', 'access_token_enc', 'app_secret_enc']).orderBy('created_at');
  q =
    catalogId === defaultCatalogId
      ? q.where((eb) => eb.or([eb('catalog_id', '=', catalogId), eb('catalog_id', 'is', null)]))
      : q.where('catalog_id', '=', catalogId);
  return q.execute();
}

/**
 * The Meta catalog id to send product messages from, once a sync went through: before that
 * Meta has none of the retailer ids the message would name.
 */
export async function syncedMetaCatalogId(db: Executor, catalogId: string): Promise<string | null> {
  const row = await db
    .selectFrom('meta_catalog_links')
    .select(['meta_catalog_id', 'last_sync_at'])
    .where('catalog_id', '=', catalogId)
    .executeTakeFirst();
  if (!row || !row.last_sync_at) return null;
  const items = await db
    .selectFrom('meta_catalog_items')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('catalog_id', '=', catalogId)
    .executeTakeFirst();
  return Number(items?.n ?? 0) > 0 ? row.meta_catalog_id : null;
}
