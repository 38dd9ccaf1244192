/**
 * Pragmatic, not RFC 5322: one "@", a local part without spaces, a domain with a dot and
 * a 2+ letter TLD. It catches typos contacts make ("ana@gmail", "ana gmail.com", "ana@@x.com")
 * and lets through every address a real mailbox would have.
 */
const emailPattern = /^[^\s@\p{C}]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

export function isValidEmail(s: string): boolean {
  const text = s.trim();
  if (text.length > 254) return false;
  const local = text.slice(0, text.indexOf('@'));
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  return emailPattern.test(text);
}
