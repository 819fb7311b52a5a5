import { fr, type MessageKey } from './fr';
import { en } from './en';

export type Locale = 'fr' | 'en';
export type { MessageKey };

const dictionaries: Record<Locale, Partial<Record<MessageKey, string>>> = { fr, en };

/** Looks a message up in the locale, falling back to French, and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = dictionaries[locale][key] ?? fr[key];
  return params ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : template;
}
