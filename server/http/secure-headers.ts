import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every answer (studio, API, webhooks), from Hono's `secureHeaders`:
 * nosniff, no framing, no referrer, HSTS for this host only, same-origin
 * opener and resource policies, plus a Content-Security-Policy the built studio runs under:
 *
 * - scripts only from our own files: Vite's build has no inline script, and the studio sets
 *   zod to `jitless` so it never tries `new Function` (see studio/zod-jitless.ts);
 * - inline styles allowed: React Flow positions every node and edge with `style` attributes;
 * - images and media from anywhere over https (product photos, message media), data: and blob:;
 * - workers from our own files (flow validation) and blob: (what a bundler may make of one);
 * - nothing may frame the studio (`frame-ancestors 'none'`, clickjacking) and no plugin runs.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
    mediaSrc: ["'self'", 'data:', 'blob:', 'https:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  // Without includeSubDomains: Fluxo is often one host of a domain whose other hosts it must
  // not force onto https. Browsers ignore the header over plain http.
  strictTransportSecurity: 'max-age=15552000',
  referrerPolicy: 'no-referrer',
});
