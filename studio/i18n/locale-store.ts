import { create } from 'zustand';

export const locales = ['pt-BR', 'en'] as const;
export type Locale = (typeof locales)[number];

const storageKey = 'fluxo.locale';

/** The language picked in this browser, if any. */
function savedLocale(): Locale | null {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return saved === 'en' || saved === 'pt-BR' ? saved : null;
}

interface LocaleState {
  locale: Locale;
  /** A person's choice: remembered in this browser and wins over the studio's default. */
  setLocale(locale: Locale): void;
  /** The studio's default language (Configurações): shown unless a choice was saved here. */
  applyDefault(locale: Locale): void;
}

/** pt-BR first: our users are Brazilian businesses; English is one click away. */
export const useLocaleStore = create<LocaleState>((set) => ({
  locale: savedLocale() ?? 'pt-BR',
  setLocale: (locale) => {
    if (typeof localStorage !== 'undefined') localStorage.setItem(storageKey, locale);
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
    set({ locale });
  },
  applyDefault: (locale) => {
    if (savedLocale() !== null) return;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
    set({ locale });
  },
}));
