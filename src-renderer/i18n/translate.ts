import { fr, type MessageKey } from './fr';
import { en } from './en';

export type Locale = 'fr' | 'en';
export type { MessageKey };

const dictionaries: Record<Locale, Partial<Record<MessageKey, string>>> = { fr, en };

/** Numbers as people read them: "10 000 clients", "10,000 clients" (years and codes are passed as text). */
const numberFormats: Record<Locale, Intl.NumberFormat> = { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-GB') };

/** Looks a message up in the locale, falling back to French, and fills `{name}` placeholders (numbers with thousands separators). */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = dictionaries[locale][key] ?? fr[key];
  const fill = (value: string | number | undefined, name: string) => (typeof value === 'number' ? numberFormats[locale].format(value) : (value ?? `{${name}}`));
  return params ? template.replace(/\{(\w+)\}/g, (_, name: string) => fill(params[name], name)) : template;
}
