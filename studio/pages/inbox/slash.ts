/**
 * Canned replies whose title holds what follows a leading "/" in the reply box (all of them for
 * "/" alone); null when the box does not start with "/", so the text is an ordinary message.
 */
export function slashMatches<R extends { title: string }>(text: string, replies: readonly R[]): R[] | null {
  if (!text.startsWith('/')) return null;
  const query = text.slice(1).trim().toLocaleLowerCase();
  return replies.filter((r) => r.title.toLocaleLowerCase().includes(query));
}
