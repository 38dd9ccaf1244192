import { create } from 'zustand';

export const locales = ['pt-BR', 'en'] as const;
export type Locale = (typeof locales)[number];

const storageKey = 'fluxo.locale';

function initialLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return saved === 'en' || saved === 'pt-BR' ? saved : 'pt-BR';
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

/** pt-BR first: our users are Brazilian businesses; English is one click away. */
export const useLocaleStore = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    if (typeof localStorage !== 'undefined') localStorage.setItem(storageKey, locale);
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
    set({ locale });
  },
}));
