import { fr, type MessageKey } from './fr';
import { en } from './en';
import { formatsFor } from './format';

export type Locale = 'fr' | 'en';
export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { fr, en };

/** A number on its own, as the locale groups it: "10 000", "10,000" (years and codes are passed as text). */
export function formatNumber(locale: Locale, n: number): string {
  return formatsFor(locale).number(n);
}

/** Which form a count takes: French says "0 client", "1 client", "2 clients"; English "0 clients", "1 client". */
const pluralRules: Record<Locale, Intl.PluralRules> = { fr: new Intl.PluralRules('fr-FR'), en: new Intl.PluralRules('en-GB') };

/**
 * Looks a message up in the locale and fills its
 * placeholders: `{name}` with the value (numbers with thousands separators),
 * and `{name|one|other}` with the form the number calls for, `#` standing for
 * the number itself: `{count|# client affiché|# clients affichés}` gives
 * "1 client affiché", "10 000 clients affichés" — never "client(s)".
 */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = dictionaries[locale][key];
  if (!params) return template;
  const number = (n: number) => formatNumber(locale, n);
  const fill = (value: string | number | undefined, name: string) => (typeof value === 'number' ? number(value) : (value ?? `{${name}}`));
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) => {
      const value = params[name];
      if (typeof value !== 'number') return whole;
      return (pluralRules[locale].select(value) === 'one' ? one : other).replaceAll('#', number(value));
    })
    .replace(/\{(\w+)\}/g, (_, name: string) => fill(params[name], name));
}
