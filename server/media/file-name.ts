/** A file name without quotes, slashes and controls (it goes into headers and Meta's `filename`). */
export function cleanFileName(raw: unknown): string {
  return typeof raw === 'string'
    ? raw
        .replace(/[\u0000-\u001f"\\/]/g, '')
        .trim()
        .slice(0, 200)
    : '';
}

/**
 * The name a file came with: an agent's upload keeps its own, a contact's document the
 * `filename` Meta's webhook gave it (kept in the message's raw payload). Null when it had none
 * (photos, audio and video come unnamed).
 */
export function sentFileName(payload: unknown, uploaded: string | null): string | null {
  const raw = (payload as { raw?: { document?: { filename?: unknown } } } | null)?.raw?.document?.filename;
  return cleanFileName(uploaded ?? raw) || null;
}
