import { useCallback } from 'react';
import { usePreferences } from '../state/preferences';
import { translate, type MessageKey } from './translate';

export { translate, type Locale, type MessageKey } from './translate';

export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const locale = usePreferences((s) => s.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
