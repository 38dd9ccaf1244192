/**
 * Contacts can send bytes our storage refuses: Postgres `text` and `jsonb` reject NUL, and a
 * lone UTF-16 surrogate is not valid Unicode. Other C0 controls (BEL...) are removed too since
 * nothing renders them; tab, newline and carriage return stay.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\ufffd');
}

/** Cleans every string (keys included) of a parsed JSON value; `changed` tells whether to log. */
export function cleanJson(value: unknown): { value: unknown; changed: boolean } {
  let changed = false;
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') {
      const clean = cleanText(item);
      if (clean !== item) changed = true;
      return clean;
    }
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [walk(key), walk(inner)]));
    }
    return item;
  };
  const result = walk(value);
  return { value: result, changed };
}
