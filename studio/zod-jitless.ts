/**
 * Tells zod, before it loads, never to compile parsers with `new Function`: the server's
 * Content-Security-Policy has no 'unsafe-eval', and even zod's probe for it is reported as a
 * violation. zod reads this global at load, so the editor's first picture still needs no zod.
 * Import it first in every entry point that may load zod (the page and the validation worker).
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };

export {};
