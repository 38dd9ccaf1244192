import type { Locale } from './locale-store.ts';

const rules = new Map<Locale, Intl.PluralRules>();

/**
 * `one` or `other`: which form of a counted text a number takes in this language
 * (Intl.PluralRules). Messages with a count have a `.one` and an `.other` key; categories
 * the studio's languages have no text for (`many`, for millions in Portuguese) use `.other`.
 */
export function pluralForm(locale: Locale, n: number): 'one' | 'other' {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return rule.select(n) === 'one' ? 'one' : 'other';
}
