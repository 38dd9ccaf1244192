import type { z } from 'zod';
import type { productPickerData } from '../../shared/flow/nodes/product_picker.ts';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { insertCatalog } from '../db/queries/catalogs.ts';
import type { NewRow } from '../db/tables.ts';
import { startMessagingHarness, type MessagingHarness } from './messaging-harness.ts';

/** start → one product picker → end: whatever the contact does with the picker ends the flow. */
export function pickerFlow(name: string, picker: z.input<typeof productPickerData>): FlowDocumentInput {
  return {
    name,
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'pp', type: 'product_picker', position: { x: 0, y: 150 }, data: picker },
      { id: 'end', type: 'end', position: { x: 0, y: 300 }, data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'pp' },
      { id: 'e2', source: 'pp', sourceHandle: 'confirmed', target: 'end' },
      { id: 'e3', source: 'pp', sourceHandle: 'cancelled', target: 'end' },
      { id: 'e4', source: 'pp', sourceHandle: 'timeout', target: 'end' },
    ],
  };
}

/** What a shop sells: categories (a category without `catalog_id` is in the main catalog) and their products. */
export interface Shelves {
  categories: NewRow<'categories'>[];
  products: NewRow<'products'>[];
}

/**
 * The WhatsApp runtime on `flow` with a shop behind it: a catalog named `catalogName` created
 * (its id handed to `shelves`, to put categories in it) and the shelves stocked.
 */
export async function startShopHarness(
  flow: FlowDocumentInput,
  catalogName: string,
  shelves: (catalogId: string) => Shelves,
): Promise<{ harness: MessagingHarness; catalogId: string }> {
  const harness = await startMessagingHarness({ flow });
  try {
    const db = harness.testDb.db;
    const catalog = await insertCatalog(db, catalogName);
    const { categories, products } = shelves(catalog.id);
    await db.insertInto('categories').values(categories).execute();
    await db.insertInto('products').values(products).execute();
    return { harness, catalogId: catalog.id };
  } catch (err) {
    await harness.close();
    throw err;
  }
}
