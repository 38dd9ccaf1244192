/** What replaces an erased value wherever it was copied. */
export const erasedMark = '[apagado]';

/**
 * A copy of a JSON value with every occurrence of `secrets` inside its strings (keys included)
 * replaced by the erased mark. Structure, numbers and other text stay, so an audit entry still
 * says what happened, but no longer to whom.
 */
export function scrubJson(value: unknown, secrets: string[]): unknown {
  const words = secrets.filter((s) => s.length > 0);
  const scrub = (text: string) => words.reduce((t, w) => t.split(w).join(erasedMark), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (typeof v === 'number' && words.includes(String(v))) return erasedMark;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrub(k), walk(x)]));
    return v;
  };
  return walk(value);
}
