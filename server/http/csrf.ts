import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { AppError } from './errors.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Content types a page can send cross-site without a CORS preflight (what an HTML form sends). */
const formContentType = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/**
 * The writes that take a form body: file uploads (multipart), a product photo or a file an
 * agent sends. They pass only once the request proved to come from our own pages (the origin
 * check above it).
 */
export const isFileUpload = (method: string, path: string, contentType: string) =>
  method === 'POST' &&
  /^\/api\/(products\/[^/]+\/photos|media)$/.test(path) &&
  /^\s*multipart\/form-data\b/i.test(contentType);

/** Same origin by host: behind a TLS-terminating proxy the app sees http while the browser says https. */
function sameHost(origin: string, requestUrl: string): boolean {
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false; // `Origin: null` (sandboxed frame, file:) or garbage
  }
}

/**
 * Refuses state-changing requests that a browser sent from another origin. SameSite=Lax does
 * not cover this: a page on another port of the same host is same-site, so a form it
 * auto-submits carries the session cookie (that is how the live flow got rolled back).
 *
 * The browser's own word decides, as in Go's `CrossOriginProtection`: `Sec-Fetch-Site`
 * (every current browser) must be `same-origin` (or `none`, typed by the user); without it,
 * `Origin` must name this host or PUBLIC_URL. A request with neither did not come from a
 * browser page and carries no ambient authority to abuse. Hono's `csrf()` looks only at
 * form content types and refuses header-less clients, so it is not used here.
 *
 * Requests with an `Authorization` header are exempt: a page cannot attach one cross-origin
 * without a CORS preflight, which this server never grants.
 */
export const rejectCrossOriginWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (safeMethods.has(c.req.method) || c.req.header('authorization')) return next();
  const origin = c.req.header('origin');
  const publicUrl = c.var.deps.config.publicUrl;
  const trusted =
    origin !== undefined &&
    (sameHost(origin, c.req.url) || (publicUrl !== undefined && origin === new URL(publicUrl).origin));
  const site = c.req.header('sec-fetch-site');
  const allowed =
    site !== undefined ? site === 'same-origin' || site === 'none' || trusted : origin === undefined || trusted;
  if (!allowed) {
    throw new AppError(
      403,
      'cross_origin',
      'Requisição de outra origem recusada: use o Fluxo pelo próprio endereço dele.',
    );
  }
  // A form's body, even an empty one, is never what the API takes: only JSON (or no body at all).
  const contentType = c.req.header('content-type') ?? '';
  if (formContentType.test(contentType) && !isFileUpload(c.req.method, c.req.path, contentType)) {
    throw new AppError(415, 'unsupported_media_type', 'Envie o corpo como application/json.');
  }
  await next();
});
