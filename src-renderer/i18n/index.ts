import { useCallback } from 'react';
import { usePreferences } from '../state/preferences';
import { formatNumber, translate, type Locale, type MessageKey } from './translate';

export { translate, type Locale, type MessageKey } from './translate';

export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const locale = usePreferences((s) => s.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}

/** Numbers shown on their own ("10 000 clients" as a figure): grouped as the interface's language does. */
export function useNumber(): (n: number) => string {
  const locale = usePreferences((s) => s.locale);
  return useCallback((n) => formatNumber(locale, n), [locale]);
}

/** The interface's language, for what Intl names itself (countries). */
export function useLocale(): Locale {
  return usePreferences((s) => s.locale);
}
