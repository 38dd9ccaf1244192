import type { MetaCatalogSyncResult } from '../../shared/api/meta-catalog.ts';
import type { SecretBox } from '../auth/secret-box.ts';
import { productViews } from '../catalog/product-view.ts';
import { openSecrets } from '../channels/channel-directory.ts';
import type { Db } from '../db/database.ts';
import { findCatalog } from '../db/queries/catalogs.ts';
import { listCatalogProducts } from '../db/queries/catalog.ts';
import { catalogItems } from './catalog-items.ts';
import { postItemsBatch, type BatchRequest, type GraphOptions } from './items-batch.ts';
import { channelsOfCatalog, findLink, recordSync, type LinkRow } from './link-store.ts';

export interface SyncDeps {
  db: Db;
  secrets: SecretBox;
  graph: Omit<GraphOptions, 'timeoutMs'> & { timeoutMs?: number };
  /** The public base URL photos are linked from (Meta downloads them). */
  publicUrl: string;
  now(): Date;
}

/** Meta takes up to 5,000 requests per call; smaller calls keep one refusal from costing the lot. */
const chunkSize = 1000;

/**
 * Pushes a catalog to its Meta commerce catalog: every item whose hash changed since Meta last
 * took it (new ones created, changed ones updated), and a delete for each item Meta holds that
 * Fluxo no longer offers (removed, deactivated, a variant gone). Items Meta refused keep no hash,
 * so the next sync sends them again; running it twice with nothing changed sends nothing.
 * Returns null when the catalog is not linked.
 */
export async function syncMetaCatalog(deps: SyncDeps, catalogId: string): Promise<LinkRow | null> {
  const { db } = deps;
  const link = await findLink(db, catalogId);
  if (!link) return null;
  const result = await syncLink(deps, link);
  return (await recordSync(db, catalogId, deps.now(), result)) ?? null;
}

/** One push of a linked catalog; the caller records the result (`recordSync`). */
export async function syncLink(deps: SyncDeps, link: LinkRow): Promise<MetaCatalogSyncResult> {
  const { db } = deps;
  const empty = { ok: false, items: 0, created: 0, updated: 0, deleted: 0, unchanged: 0, errors: [] };
  const token = (await channelsOfCatalog(db, link.catalog_id))
    .map((ch) => openSecrets(deps.secrets, ch)?.accessToken)
    .find((t) => t !== undefined);
  if (!token)
    return { ...empty, error: 'Nenhum canal (Canais) oferece este catálogo: a sincronização usa o token de um deles.' };

  const catalog = await findCatalog(db, link.catalog_id);
  const products = await productViews(db, await listCatalogProducts(db, link.catalog_id), deps.publicUrl);
  const items = catalogItems(products, {
    brand: link.brand?.trim() || catalog?.name || 'Fluxo',
    link: link.website_url ?? (deps.publicUrl || null),
  });
  const stored = new Map(
    (
      await db
        .selectFrom('meta_catalog_items')
        .select(['retailer_id', 'hash'])
        .where('catalog_id', '=', link.catalog_id)
        .execute()
    ).map((r) => [r.retailer_id, r.hash]),
  );
  const wanted = new Set(items.map((i) => i.retailerId));
  const changed = items.filter((i) => stored.get(i.retailerId) !== i.hash);
  const removed = [...stored.keys()].filter((id) => !wanted.has(id));
  const requests: BatchRequest[] = [
    ...changed.map((i) => ({
      method: stored.has(i.retailerId) ? ('UPDATE' as const) : ('CREATE' as const),
      data: i.data,
    })),
    ...removed.map((id) => ({ method: 'DELETE' as const, data: { id } })),
  ];

  const errors: MetaCatalogSyncResult['errors'] = [];
  for (let start = 0; start < requests.length; start += chunkSize) {
    const chunk = requests.slice(start, start + chunkSize);
    const answer = await postItemsBatch({ timeoutMs: 30_000, ...deps.graph }, link.meta_catalog_id, token, chunk);
    if (!answer.ok) return { ...empty, items: items.length, errors, error: answer.message };
    errors.push(...answer.errors);
    const refused = new Set(answer.errors.map((e) => e.retailerId));
    await db.transaction().execute(async (tx) => {
      for (const r of chunk) {
        if (refused.has(r.data.id)) continue;
        if (r.method === 'DELETE') {
          await tx
            .deleteFrom('meta_catalog_items')
            .where('catalog_id', '=', link.catalog_id)
            .where('retailer_id', '=', r.data.id)
            .execute();
          continue;
        }
        const hash = items.find((i) => i.retailerId === r.data.id)?.hash ?? '';
        await tx
          .insertInto('meta_catalog_items')
          .values({ catalog_id: link.catalog_id, retailer_id: r.data.id, hash })
          .onConflict((oc) => oc.columns(['catalog_id', 'retailer_id']).doUpdateSet({ hash }))
          .execute();
      }
    });
  }
  const refused = new Set(errors.map((e) => e.retailerId));
  const count = (method: BatchRequest['method']) =>
    requests.filter((r) => r.method === method && !refused.has(r.data.id)).length;
  return {
    ok: errors.length === 0,
    items: items.length,
    created: count('CREATE'),
    updated: count('UPDATE'),
    deleted: count('DELETE'),
    unchanged: items.length - changed.length,
    errors,
  };
}
