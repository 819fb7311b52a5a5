import { assertCents, formatDateFr, formatDateLongFr, formatEuros, formatMonthFr, formatParisInstant, parseInstant, parseIsoDate, parseYearMonth, type Cents, type IsoDate, type YearMonth } from '../../src-core';
import type { Locale } from './translate';

/**
 * How the interface writes numbers, amounts and dates, once for both locales.
 *
 * French is the reference and is exactly what the documents print (src-core's
 * `formatEuros`, `formatDateFr`…): "1 234,56 €", "27/11/2026", "novembre 2026".
 * English writes "€1,234.56" and keeps dates day first, British style
 * ("27/11/2026", "27 November 2026"): the contracts, deadlines and letters are
 * French, and a month-first date would read as another day. Invoices and
 * letters (PDFs) always stay French: they are legal French documents and do not
 * use this module.
 */
export interface Formats {
  /** Integer cents as an amount: "1 234,56 €" / "€1,234.56". */
  money(cents: Cents): string;
  /** A plain number grouped as the locale does: "10 000" / "10,000". */
  number(n: number, maximumFractionDigits?: number): string;
  /** A byte count in megabytes, one decimal at most: "1,5" / "1.5". */
  megabytes(bytes: number): string;
  /** "27/11/2026" in both locales (day first). */
  date(date: IsoDate): string;
  /** "27 novembre 2026" / "27 November 2026". */
  dateLong(date: IsoDate): string;
  /** "novembre 2026" / "November 2026" for a `YYYY-MM` month. */
  month(month: YearMonth): string;
  /** A chart axis' month: "nov. 26" / "Nov 26". */
  shortMonth(month: YearMonth): string;
  /** A stored instant on the Paris clock whatever offset the writing laptop used: day "27/11/2026" and time "14:05". */
  parisMoment(at: string): { date: string; time: string };
  /** An instant of this laptop's clock, to the minute: "27/11/2026 14:05". */
  dateTime(instant: string | number | Date): string;
  /** "in 3 minutes", "il y a 2 heures": `value` units from now (negative: in the past). */
  relative(value: number, unit: Intl.RelativeTimeFormatUnit): string;
}

const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "€1,234.56": integer arithmetic, no float on the way (money is cents). */
function formatEurosEnglish(cents: Cents): string {
  assertCents(cents);
  const abs = Math.abs(cents);
  const grouped = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}€${grouped}.${String(abs % 100).padStart(2, '0')}`;
}

function makeFormats(locale: Locale): Formats {
  const tag = INTL_LOCALE[locale];
  const numbers = new Map<number, Intl.NumberFormat>();
  const number = (n: number, maximumFractionDigits = 3) => {
    let format = numbers.get(maximumFractionDigits);
    if (!format) numbers.set(maximumFractionDigits, (format = new Intl.NumberFormat(tag, { maximumFractionDigits })));
    return format.format(n);
  };
  // Calendar dates carry no time zone: formatted at UTC noon so no offset moves the day.
  const utc = (date: IsoDate) => {
    const { year, month, day } = parseIsoDate(date);
    return Date.UTC(year, month - 1, day, 12);
  };
  const monthStart = (ym: YearMonth) => {
    const { year, month } = parseYearMonth(ym);
    return Date.UTC(year, month - 1, 1, 12);
  };
  const longDate = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const longMonth = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(tag, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  const french = locale === 'fr';
  return {
    money: french ? formatEuros : formatEurosEnglish,
    number,
    megabytes: (bytes) => number(bytes / (1024 * 1024), 1),
    date: formatDateFr,
    dateLong: french ? formatDateLongFr : (date) => longDate.format(utc(date)),
    month: french ? formatMonthFr : (ym) => longMonth.format(monthStart(ym)),
    shortMonth: (ym) => shortMonth.format(monthStart(ym)),
    parisMoment: (at) => {
      const paris = formatParisInstant(parseInstant(at));
      return { date: formatDateFr(paris.slice(0, 10)), time: paris.slice(11, 16) };
    },
    dateTime: (instant) => dateTime.format(new Date(instant)),
    relative: (value, unit) => relative.format(value, unit),
  };
}

const FORMATS: Record<Locale, Formats> = { fr: makeFormats('fr'), en: makeFormats('en') };

/** The formats of a locale (built once per locale). */
export function formatsFor(locale: Locale): Formats {
  return FORMATS[locale];
}
