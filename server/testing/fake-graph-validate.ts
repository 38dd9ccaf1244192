/**
 * The checks the fake Graph API runs on a send, close to what Meta rejects with a 400, so a
 * malformed payload fails in tests the way it would fail in production. Deliberately
 * minimal: it is a tripwire for our own bugs, not a reimplementation of Meta.
 */
export interface PayloadProblem {
  code: number;
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown, max: number) => typeof value === 'string' && value.length > 0 && value.length <= max;

const invalid = (message: string): PayloadProblem => ({ code: 100, message: `(#100) ${message}` });
const missing = (message: string): PayloadProblem => ({
  code: 131008,
  message: `(#131008) Required parameter is missing: ${message}`,
});
const badValue = (message: string): PayloadProblem => ({
  code: 131009,
  message: `(#131009) Parameter value is not valid: ${message}`,
});

const checks: Record<string, (object: Json) => PayloadProblem | null> = {
  text: (t) => (isText(t.body, 4096) ? null : badValue('text.body must have 1 to 4096 characters')),
  image: media,
  video: media,
  audio: (a) => ('caption' in a ? invalid('Param audio.caption is not supported') : media(a)),
  document: media,
  sticker: media,
  template: (t) =>
    typeof t.name === 'string' && isObject(t.language) && typeof t.language.code === 'string'
      ? null
      : missing('template.name and template.language.code'),
  interactive: (i) => {
    if (i.type === 'product') return singleProduct(i);
    if (!isObject(i.body) || !isText(i.body.text, 1024))
      return badValue('interactive.body.text must have 1 to 1024 characters');
    if (!isObject(i.action)) return missing('interactive.action');
    if (i.type === 'button') return replyButtons(i.action);
    if (i.type === 'list') return listRows(i.action);
    if (i.type === 'order_details') return orderDetails(i.action);
    if (i.type === 'order_status') return orderStatus(i.action);
    if (i.type === 'product_list') return productList(i);
    return null;
  },
};

function media(m: Json): PayloadProblem | null {
  if ('link' in m === 'id' in m) return invalid('Media must have exactly one of link or id');
  if (m.caption !== undefined && !isText(m.caption, 1024)) return badValue('caption too long');
  return null;
}

const isAmount = (a: unknown) => isObject(a) && Number.isInteger(a.value) && a.offset === 100;

/** `review_and_pay` for Brazil (Payments API): reference, BRL total, items, a Pix dynamic code. */
function orderDetails(action: Json): PayloadProblem | null {
  if (action.name !== 'review_and_pay') return badValue('order_details action.name must be review_and_pay');
  const p = action.parameters;
  if (!isObject(p)) return missing('action.parameters');
  if (!isText(p.reference_id, 35)) return badValue('reference_id must have 1 to 35 characters');
  if (p.payment_type !== 'br' || p.currency !== 'BRL') return badValue('payment_type br and currency BRL');
  if (!['digital-goods', 'physical-goods'].includes(String(p.type))) return badValue('type');
  if (!isText(p.payment_configuration, 60)) return missing('payment_configuration');
  if (!isAmount(p.total_amount)) return badValue('total_amount {value, offset: 100}');
  const order = p.order;
  if (!isObject(order) || !Array.isArray(order.items) || order.items.length < 1) return missing('order.items');
  const itemsOk = order.items.every(
    (i) =>
      isObject(i) &&
      isText(i.retailer_id, 100) &&
      isText(i.name, 60) &&
      isAmount(i.amount) &&
      Number.isInteger(i.quantity),
  );
  if (!itemsOk || !isAmount(order.subtotal)) return badValue('order items need retailer_id, name, amount, quantity');
  const settings = Array.isArray(p.payment_settings) ? p.payment_settings : [];
  const pix = settings.find((s) => isObject(s) && s.type === 'pix_dynamic_code') as Json | undefined;
  const code = pix && isObject(pix.pix_dynamic_code) ? pix.pix_dynamic_code : null;
  if (!code || !isText(code.code, 512) || !isText(code.merchant_name, 25) || !isText(code.key, 77))
    return missing('payment_settings pix_dynamic_code {code, merchant_name, key, key_type}');
  if (!['CPF', 'CNPJ', 'EMAIL', 'PHONE', 'EVP'].includes(String(code.key_type))) return badValue('key_type');
  return null;
}

const orderStatuses = ['pending', 'processing', 'partially-shipped', 'shipped', 'completed', 'canceled'];

function orderStatus(action: Json): PayloadProblem | null {
  if (action.name !== 'review_order') return badValue('order_status action.name must be review_order');
  const p = action.parameters;
  if (!isObject(p) || !isText(p.reference_id, 35)) return missing('parameters.reference_id');
  if (!isObject(p.order) || !orderStatuses.includes(String(p.order.status))) return badValue('order.status');
  return null;
}

/** Multi-product: a text header, 1 to 10 titled sections, 30 products at most (META-WHATSAPP.md §5). */
function productList(i: Json): PayloadProblem | null {
  if (!isObject(i.header) || i.header.type !== 'text' || !isText(i.header.text, 60))
    return missing('header is required for product_list');
  const action = i.action as Json;
  if (!isText(action.catalog_id, 100)) return missing('action.catalog_id');
  const sections = Array.isArray(action.sections) ? action.sections : [];
  if (sections.length < 1 || sections.length > 10) return badValue('product_list needs 1 to 10 sections');
  const items = sections.flatMap((s) => (isObject(s) && Array.isArray(s.product_items) ? s.product_items : [null]));
  if (items.length < 1 || items.length > 30) return badValue('product_list takes 1 to 30 products');
  if (!sections.every((s) => isObject(s) && isText(s.title, 24))) return missing('section titles');
  const ok = items.every((p) => isObject(p) && isText(p.product_retailer_id, 100));
  return ok ? null : missing('product_items[].product_retailer_id');
}

/** Single product: no header, a catalog and one retailer id. */
function singleProduct(i: Json): PayloadProblem | null {
  if ('header' in i) return invalid('Param interactive.header is not supported for product messages');
  if (i.body !== undefined && (!isObject(i.body) || !isText(i.body.text, 1024))) return badValue('body.text');
  const action = i.action;
  if (!isObject(action) || !isText(action.catalog_id, 100) || !isText(action.product_retailer_id, 100))
    return missing('action.catalog_id and action.product_retailer_id');
  return null;
}

function replyButtons(action: Json): PayloadProblem | null {
  const buttons = action.buttons;
  if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3)
    return badValue('buttons must have 1 to 3 items');
  const ok = buttons.every(
    (b) =>
      isObject(b) && b.type === 'reply' && isObject(b.reply) && isText(b.reply.id, 256) && isText(b.reply.title, 20),
  );
  return ok ? null : badValue('button reply id ≤ 256 and title ≤ 20 characters');
}

function listRows(action: Json): PayloadProblem | null {
  if (!isText(action.button, 20)) return badValue('action.button must have 1 to 20 characters');
  const sections = Array.isArray(action.sections) ? action.sections : [];
  const rows = sections.flatMap((s) => (isObject(s) && Array.isArray(s.rows) ? s.rows : [null]));
  if (!sections.length || rows.length > 10) return badValue('a list needs 1 to 10 rows in 1 to 10 sections');
  if (sections.length > 1 && !sections.every((s) => isObject(s) && isText(s.title, 24)))
    return missing('section titles');
  const ok = rows.every(
    (r) =>
      isObject(r) &&
      isText(r.id, 200) &&
      isText(r.title, 24) &&
      (r.description === undefined || isText(r.description, 72)),
  );
  return ok ? null : badValue('row id ≤ 200, title ≤ 24, description ≤ 72 characters');
}

/** Validates a `POST /{phone-number-id}/messages` body that is not a mark-as-read. */
export function checkSendPayload(body: unknown): PayloadProblem | null {
  if (!isObject(body)) return invalid('The request body must be a JSON object');
  if (body.messaging_product !== 'whatsapp') return invalid('The parameter messaging_product is required.');
  if (typeof body.to !== 'string' && typeof body.recipient !== 'string')
    return invalid('The parameter to is required.');
  // Meta sends a text when `type` is omitted.
  const type = typeof body.type === 'string' ? body.type : 'text';
  const check = Object.hasOwn(checks, type) ? checks[type] : undefined;
  if (!check) return invalid(`Param type must be one of {${Object.keys(checks).join(', ')}}`);
  const object = body[type];
  if (!isObject(object)) return missing(type);
  return check(object);
}
