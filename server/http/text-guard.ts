import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { AppError } from './errors.ts';

/**
 * U+0000, which Postgres `text` and `jsonb` refuse, and a UTF-16 surrogate without its pair,
 * which is not Unicode at all (it cannot be encoded as UTF-8 for storage).
 */
const invalidText = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const invalidTextEverywhere = new RegExp(invalidText.source, 'g');

/** A key as it can be shown back in a message: the offending characters replaced by U+FFFD. */
const shown = (key: string) => key.replace(invalidTextEverywhere, '\ufffd');

const refuse = (where: string) =>
  new AppError(
    400,
    'invalid_text',
    `Texto inválido em ${where}: caractere nulo (U+0000) ou surrogate UTF-16 sem par não são aceitos.`,
    { path: where },
  );

/**
 * The path (`items.2.name`) of the first key or string value with invalid text in a JSON body;
 * null when all are clean or the body is not JSON (the route's validation answers that).
 * Walks with its own stack: a deeply nested body must not overflow ours.
 */
export function findInvalidJsonText(text: string): string | null {
  // Raw NUL is not valid JSON, and decoding UTF-8 never yields a lone surrogate: without a
  // `\u` escape there is nothing to find.
  if (!text.includes('\\u')) return null;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return null;
  }
  const stack: [unknown, string][] = [[root, '']];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (invalidText.test(value)) return path || '(corpo)';
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, join(path, String(i))]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (invalidText.test(key)) return join(path, shown(key));
        stack.push([item, join(path, key)]);
      }
    }
  }
  return null;
}

/** Refuses invalid text in the path or the query string; the body is left to its reader. */
function checkUrl(c: Context<AppEnv>): void {
  if (invalidText.test(c.req.path)) throw refuse('caminho');
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (invalidText.test(name) || values.some((v) => invalidText.test(v))) throw refuse(`parâmetro ${shown(name)}`);
  }
}

/**
 * Refuses, with 400 `invalid_text` and nothing changed, any API request whose JSON body (keys
 * and values, at any depth), query or path holds text our storage cannot keep. One check for
 * every route, so a new route cannot forget it; before this they answered 500.
 */
export const rejectInvalidText = createMiddleware<AppEnv>(async (c, next) => {
  checkUrl(c);
  const method = c.req.method;
  const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
  if (hasBody && (c.req.header('content-type') ?? '').includes('application/json')) {
    // Read once: Hono caches the text, and the route's validator parses it again from the cache.
    const where = findInvalidJsonText(await c.req.text());
    if (where !== null) throw refuse(where);
  }
  await next();
});

/**
 * The same for the path and query only, for webhooks: their bodies are read raw from the
 * socket for the signature check, and a contact's text is cleaned, not refused (clean-text.ts).
 */
export const rejectInvalidUrlText = createMiddleware<AppEnv>(async (c, next) => {
  checkUrl(c);
  await next();
});
