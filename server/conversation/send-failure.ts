/**
 * Why a send failed, from what is stored on its message: the sender writes one object
 * (`{code, message, kind}`: Graph refused the call, or it never reached Graph), a `failed`
 * status webhook writes Meta's `errors` array (`[{code, title, message, details}]`).
 */
export function sendFailure(stored: unknown): { code: string | null; reason: string } {
  const first: unknown = Array.isArray(stored) ? stored[0] : stored;
  if (typeof first !== 'object' || first === null) return { code: null, reason: 'Falha sem detalhes do WhatsApp.' };
  const e = first as Record<string, unknown>;
  const code = typeof e.code === 'number' || (typeof e.code === 'string' && e.code !== '') ? String(e.code) : null;
  // Meta's `details` says what to do ("Message failed to send because more than 24 hours…");
  // `title` and `message` only name the error.
  const text = [e.details, e.message, e.title].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return { code, reason: text ?? 'Falha sem detalhes do WhatsApp.' };
}
