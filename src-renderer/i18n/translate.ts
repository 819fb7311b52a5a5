import { fr, type MessageKey } from './fr';
import { en } from './en';
import { fillTemplate, renderMessage, type Message, type MessageFormats, type MessageParam } from '../../src-core';
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

/** How src-core's message filling (`fillTemplate`) writes each locale: its dictionary, numbers, dates, amounts. */
function messageFormats(locale: Locale): MessageFormats {
  const formats = formatsFor(locale);
  return {
    template: (code) => dictionaries[locale][code as MessageKey] ?? code,
    number: (n) => formatNumber(locale, n),
    plural: (n) => (pluralRules[locale].select(n) === 'one' ? 'one' : 'other'),
    date: formats.date,
    longDate: formats.dateLong,
    month: formats.month,
    money: formats.money,
  };
}
const MESSAGE_FORMATS: Record<Locale, MessageFormats> = { fr: messageFormats('fr'), en: messageFormats('en') };

/**
 * Looks a message up in the locale and fills its placeholders (src-core's
 * `fillTemplate`, the same filling as the French of documents): `{name}` with
 * the value (numbers with thousands separators; dates, months and amounts as
 * the locale writes them), and `{name|one|other}` with the form the number
 * calls for, `#` standing for the number itself: `{count|# client affiché|# clients affichés}`
 * gives "1 client affiché", "10 000 clients affichés" — never "client(s)".
 */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, MessageParam>): string {
  const template = dictionaries[locale][key];
  return params ? fillTemplate(template, params, MESSAGE_FORMATS[locale]) : template;
}

/** A message src-core returned (a code and its values), in the locale. */
export function translateMessage(locale: Locale, message: Message): string {
  return renderMessage(message, MESSAGE_FORMATS[locale]);
}
