import type { SampleCatalog } from '../../shared/templates/sample-data.ts';
import type { Executor } from '../db/database.ts';

/**
 * Adds a template's sample categories and products. Their ids are fixed, so a second call
 * (the same template used twice) finds them and adds nothing; entries the user has since
 * edited are left as they are. Pictures point at `imageBase` + `/samples/<file>`, which the
 * server serves (sample-images.ts) and Meta can fetch when the base is public.
 */
export async function addSampleCatalog(db: Executor, sample: SampleCatalog, imageBase: string): Promise<void> {
  await db
    .insertInto('categories')
    .values(sample.categories.map((c) => ({ id: c.id, name: c.name, position: c.position })))
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
}
