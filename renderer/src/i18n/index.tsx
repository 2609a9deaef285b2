/**
 * UI language: zh-CN first, English on switch (remembered). `useT()` gives `t(key, vars)`.
 *
 * @example
 * const { t } = useT();
 * t('library.count', { n: 3 }); // → '共 3 篇'
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
const tables: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = tables[lang][key] ?? zhCN[key];
  return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : template;
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('yandu.lang') === 'en' ? 'en' : 'zh-CN'));
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem('yandu.lang', next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang, t: (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT outside I18nProvider');
  return value;
}
