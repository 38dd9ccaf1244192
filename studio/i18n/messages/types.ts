import type { Locale } from '../locale-store.ts';

/** A table of texts: every key has every locale, checked by the compiler. */
export type MessageTable = Record<string, Record<Locale, string>>;
