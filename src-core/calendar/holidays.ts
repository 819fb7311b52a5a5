import { addDays, dayOfWeek, formatIsoDate, parseIsoDate, type IsoDate } from '../dates';
import { message, refusalError, type MessageParam } from '../messages';
import type { RuleSettings } from '../settings';

/**
 * French public holidays and business days (DOMAIN.md, Conventions). A business
 * day is Monday to Friday and not a public holiday; the Alsace-Moselle days are
 * off unless switched on in settings (the company's court is Nancy, §8.1).
 * `RuleSettings` can be passed as the options object as is.
 */
export type HolidayOptions = Partial<Pick<RuleSettings, 'alsaceMoselle'>>;

// The Gregorian computus is only meaningful from its first full year (1583).
const FIRST_GREGORIAN_YEAR = 1583;
const LAST_ISO_YEAR = 9999;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_GREGORIAN_YEAR || year > LAST_ISO_YEAR) {
    throw refusalError('INVALID_NUMBER', message('refusal.year.invalid', { year: String(year), first: String(FIRST_GREGORIAN_YEAR), last: String(LAST_ISO_YEAR) }));
  }
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ year, month, day });
}

/**
 * The 11 national public holidays of a year, plus Good Friday and 26 December
 * in Alsace-Moselle; sorted, each date once. When Ascension falls on 1 or
 * 8 May (2008: 1 May) the two holidays share a day and the list is one shorter.
 */
export function frenchPublicHolidays(year: number, opts: HolidayOptions = {}): IsoDate[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => formatIsoDate({ year, month, day });
  const days = [
    fixed(1, 1),
    addDays(easter, 1), // lundi de Pâques
    fixed(5, 1),
    fixed(5, 8),
    addDays(easter, 39), // Ascension
    addDays(easter, 50), // lundi de Pentecôte
    fixed(7, 14),
    fixed(8, 15),
    fixed(11, 1),
    fixed(11, 11),
    fixed(12, 25),
  ];
  if (opts.alsaceMoselle) days.push(addDays(easter, -2), fixed(12, 26)); // Vendredi saint, Saint-Étienne
  // ISO strings of one year sort chronologically as text.
  return [...new Set(days)].sort();
}

export function isPublicHoliday(date: IsoDate, opts: HolidayOptions = {}): boolean {
  return frenchPublicHolidays(parseIsoDate(date).year, opts).includes(date);
}

export function isBusinessDay(date: IsoDate, opts: HolidayOptions = {}): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date, opts);
}

/** The date itself when it is a business day, otherwise the next business day (art. 642 CPC). */
export function nextBusinessDayOnOrAfter(date: IsoDate, opts: HolidayOptions = {}): IsoDate {
  let day = date;
  while (!isBusinessDay(day, opts)) day = addDays(day, 1);
  return day;
}

/** The N-th business day after D (D itself is not counted, whatever day it is). */
export function addBusinessDays(date: IsoDate, businessDays: number, opts: HolidayOptions = {}): IsoDate {
  assertWholeCount(businessDays, { word: 'code.countWhat.businessDays' });
  let day = formatIsoDate(parseIsoDate(date));
  for (let left = businessDays; left > 0; left -= 1) day = nextBusinessDayOnOrAfter(addDays(day, 1), opts);
  return day;
}

/** A count of days must be a whole, non-negative number: a deadline never runs backwards. */
export function assertWholeCount(days: number, what: MessageParam = { word: 'code.countWhat.days' }): number {
  if (!Number.isInteger(days) || days < 0) throw refusalError('INVALID_NUMBER', message('refusal.count.whole', { what, text: String(days) }));
  return days;
}
