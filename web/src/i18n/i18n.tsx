import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { vi, type MessageKey } from './messages.vi.js';
import { en } from './messages.en.js';

export type Language = 'vi' | 'en';
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Language, Record<MessageKey, string>> = { vi, en };
const storageKey = 'par-inspect.language';

/** Fills `{name}` placeholders; an unknown placeholder is left as written so it is visible. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator for one language, usable outside React (tests, notifications). */
export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) => interpolate(catalogue[key] ?? vi[key] ?? key, params);
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return stored === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be disabled (private mode, policies); Vietnamese is the default.
    return 'vi';
  }
}

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? readStoredLanguage());

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      globalThis.localStorage?.setItem(storageKey, next);
    } catch {
      // Not persisted; the choice still holds for this tab.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo(() => ({ language, setLanguage, t: translator(language) }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its setter and `t(key, params)`. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** Shorthand for components that only translate. */
export function useT(): Translate {
  return useI18n().t;
}
