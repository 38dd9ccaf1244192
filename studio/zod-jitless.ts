import { config } from 'zod';

/**
 * Tells zod never to compile parsers with `new Function`: the server's Content-Security-Policy
 * has no 'unsafe-eval', and even zod's probe for it is reported as a violation. The global is
 * read when zod loads; but once zod sits in a chunk of its own, that chunk is evaluated before
 * this module's code, so zod is told again here. Its probe runs at the first parse, which comes
 * after this. Import it first in every entry point that may load zod (the page and the
 * validation worker).
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };
config({ jitless: true });
