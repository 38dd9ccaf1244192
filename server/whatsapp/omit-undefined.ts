/**
 * Drops keys whose value is `undefined`, so payloads and parsed records hold exactly the
 * fields that exist (Meta rejects some explicit nulls, and tests compare shapes strictly).
 */
export function omitUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as T;
}
