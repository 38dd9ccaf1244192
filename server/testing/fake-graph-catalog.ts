/**
 * The fake Graph API's commerce catalogs: `POST /{catalog-id}/items_batch` as Meta answers it,
 * `handles` for the asynchronous part and `validation_status` with the items it refused (a
 * price not written "12.50 BRL", a missing field). Items Meta took are kept, by retailer id, so
 * a test reads the catalog as Meta would show it.
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export type FakeCatalog = Map<string, Json>;

export interface ItemsBatchAnswer {
  status: number;
  body: Json;
}

const required = ['title', 'description', 'availability', 'condition', 'price', 'image_link'];
const price = /^\d+(\.\d{1,2})? [A-Z]{3}$/;

function problems(data: Json): string[] {
  const found = required.filter((f) => typeof data[f] !== 'string' || data[f] === '').map((f) => `Missing ${f}`);
  if (typeof data.price === 'string' && !price.test(data.price)) found.push(`Invalid price: ${data.price}`);
  if (typeof data.sale_price === 'string' && !price.test(data.sale_price))
    found.push(`Invalid sale_price: ${data.sale_price}`);
  if (!['in stock', 'out of stock', undefined].includes(data.availability as string))
    found.push('Invalid availability');
  return found;
}

export function itemsBatch(catalog: FakeCatalog, body: unknown, handle: string): ItemsBatchAnswer {
  const bad = (message: string) => ({ status: 400, body: { error: { message, type: 'OAuthException', code: 100 } } });
  if (!isObject(body) || body.item_type !== 'PRODUCT_ITEM') return bad('(#100) item_type must be PRODUCT_ITEM');
  if (!Array.isArray(body.requests) || body.requests.length === 0 || body.requests.length > 5000)
    return bad('(#100) requests must have 1 to 5000 items');
  const status: { retailer_id: string; errors: { message: string }[]; warnings: unknown[] }[] = [];
  for (const r of body.requests) {
    if (!isObject(r) || !isObject(r.data) || typeof r.data.id !== 'string')
      return bad('(#100) every request needs method and data.id');
    const id = r.data.id;
    if (r.method === 'DELETE') {
      catalog.delete(id);
      continue;
    }
    if (r.method !== 'CREATE' && r.method !== 'UPDATE') return bad(`(#100) unknown method ${String(r.method)}`);
    if (r.method === 'CREATE' && catalog.has(id) && body.allow_upsert !== true) {
      status.push({
        retailer_id: id,
        errors: [{ message: 'An item with this retailer_id already exists' }],
        warnings: [],
      });
      continue;
    }
    const found = problems(r.data);
    if (found.length) {
      status.push({ retailer_id: id, errors: found.map((message) => ({ message })), warnings: [] });
      continue;
    }
    catalog.set(id, r.method === 'UPDATE' ? { ...(catalog.get(id) ?? {}), ...r.data } : { ...r.data });
  }
  return { status: 200, body: { handles: [handle], validation_status: status } };
}
