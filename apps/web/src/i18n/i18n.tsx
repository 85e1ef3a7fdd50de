import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, zh, type MessageKey } from './messages';

export type Language = 'zh' | 'en';

/** The county's vocabularies by code: the name of each equipment kind and training course (GET /vocabularies). */
export type TermNames = Readonly<Record<'equipment-kinds' | 'training-courses', ReadonlyMap<string, string>>>;

type Values = Record<string, string | number>;

export interface I18n {
  language: Language;
  /** BCP 47 locale of dates and numbers: zh-CN by default. */
  locale: string;
  setLanguage(language: Language): void;
  t(key: MessageKey, values?: Values): string;
  /** A key built at run time (an event type, an equipment kind): `fallback` when the dictionary lacks it. */
  tr(key: string, fallback: string, values?: Values): string;
  /** The county's name of an equipment kind or training course; the code itself when the vocabulary lacks it. */
  term(vocabulary: keyof TermNames, code: string): string;
  date(value: string | null | undefined): string;
  dateTime(value: string | null | undefined): string;
  number(value: number | null | undefined): string;
  yuan(value: number | null | undefined): string;
}

const STORAGE_KEY = 'fangquan.language';

function interpolate(text: string, values?: Values): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** `timeZone`: the county's (GET /config), so instants show as the county sees them; the browser's until it is known. */
export function makeI18n(language: Language, setLanguage: (language: Language) => void, timeZone?: string, terms?: TermNames): I18n {
  const dictionary: Record<string, string> = language === 'en' ? en : zh;
  const locale = language === 'en' ? 'en-US' : 'zh-CN';
  const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  const numberFormat = new Intl.NumberFormat(locale);
  const yuanFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
  return {
    language,
    locale,
    setLanguage,
    t: (key, values) => interpolate(dictionary[key] ?? key, values),
    tr: (key, fallback, values) => interpolate(dictionary[key] ?? fallback, values),
    term: (vocabulary, code) =>
      terms?.[vocabulary].get(code) ?? (vocabulary === 'equipment-kinds' ? dictionary[`kind.${code}`] : undefined) ?? code,
    date: (value) => {
      if (!value) return '—';
      const parsed = new Date(`${value.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? value : dateFormat.format(parsed);
    },
    dateTime: (value) => {
      if (!value) return '—';
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? value : dateTimeFormat.format(parsed);
    },
    number: (value) => (value === null || value === undefined ? '—' : numberFormat.format(value)),
    yuan: (value) => (value === null || value === undefined ? '—' : yuanFormat.format(value)),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('zh', () => undefined));

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for the page */
    }
    document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
  }, []);
  const value = useMemo(() => makeI18n(language, setLanguage), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
