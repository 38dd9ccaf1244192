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

const NEEDS_CLEANING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]/;

/**
 * Cleans every string (keys included) of a value fresh from `JSON.parse`, in place: it runs
 * on every webhook, and almost every string is clean, so only what changes is rebuilt.
 * `changed` tells whether to log.
 */
export function cleanJson(value: unknown): { value: unknown; changed: boolean } {
  let changed = false;
  const cleanString = (text: string): string => {
    if (!NEEDS_CLEANING.test(text)) return text;
    const clean = cleanText(text);
    if (clean !== text) changed = true;
    return clean;
  };
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return cleanString(item);
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) item[i] = walk(item[i]);
      return item;
    }
    if (item !== null && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const inner = walk(record[key]);
        const cleanKey = cleanString(key);
        if (cleanKey !== key) delete record[key];
        record[cleanKey] = inner;
      }
    }
    return item;
  };
  const result = walk(value);
  return { value: result, changed };
}
