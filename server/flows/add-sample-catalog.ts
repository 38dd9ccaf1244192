import type { SampleCatalog } from '../../shared/templates/sample-data.ts';
import type { FlowDocument } from '../../shared/flow/schema.ts';
import type { Executor } from '../db/database.ts';
import { insertCatalog } from '../db/queries/catalogs.ts';

/**
 * Adds a template's sample categories and products, in a catalog of their own named after the
 * template (made once, found again by name), and returns its id. Their ids are fixed, so a
 * second call (the same template used twice) finds them and adds nothing; entries the user has
 * since edited are left as they are. Pictures point at `imageBase` + `/samples/<file>`, which the
 * server serves (sample-images.ts) and Meta can fetch when the base is public.
 */
export async function addSampleCatalog(
  db: Executor,
  sample: SampleCatalog,
  imageBase: string,
  catalogName: string,
): Promise<string> {
  const found = await db.selectFrom('catalogs').select('id').where('name', '=', catalogName).executeTakeFirst();
  const catalogId = found?.id ?? (await insertCatalog(db, catalogName)).id;
  await db
    .insertInto('categories')
    .values(sample.categories.map((c) => ({ id: c.id, catalog_id: catalogId, name: c.name, position: c.position })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('products')
    .values(
      sample.products.map((p) => ({
        id: p.id,
        category_id: p.categoryId,
        sku: null,
        name: p.name,
        description: p.description,
        price_cents: p.priceCents,
        image_url: p.image === null ? null : `${imageBase}/samples/${p.image}`,
        stock: p.stock,
        active: true,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return catalogId;
}

/** The flow with its product pickers that name no catalog pointed at `catalogId` (the samples'). */
export function pickersUsing(flow: FlowDocument, catalogId: string): FlowDocument {
  return {
    ...flow,
    nodes: flow.nodes.map((n) =>
      n.type === 'product_picker' && n.data.catalogId === null ? { ...n, data: { ...n.data, catalogId } } : n,
    ),
  };
}
