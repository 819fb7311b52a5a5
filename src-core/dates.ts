import { message, refusalError } from './messages';

/**
 * Calendar dates as ISO `YYYY-MM-DD` strings on the Europe/Paris calendar
 * (DOMAIN.md, Conventions). Arithmetic is done on a day number (days since
 * 1970-01-01, proleptic Gregorian) so that no time zone or DST can shift a day.
 */
export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number the `count` ASCII digits of `text` from `at` write, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** The parts of a text of the form `YYYY-MM-DD`, read digit by digit (a first load reads 300,000 dates); undefined for another form. */
function writtenParts(date: unknown): DateParts | undefined {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  return year < 0 || month < 0 || day < 0 ? undefined : { year, month, day };
}

/** The parts of a date written `YYYY-MM-DD` that exists; otherwise the code of why not. */
function checkedParts(date: unknown): DateParts | 'refusal.date.format' | 'refusal.date.impossible' {
  const parts = writtenParts(date);
  if (!parts) return 'refusal.date.format';
  const { year, month, day } = parts;
  return month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) ? 'refusal.date.impossible' : parts;
}

/** Parses and validates an ISO date; an impossible date such as 2026-02-30 throws. */
export function parseIsoDate(date: string): DateParts {
  const parts = checkedParts(date);
  if (typeof parts === 'string') throw refusalError('INVALID_DATE', message(parts, { text: String(date) }));
  return parts;
}

export function isValidIsoDate(date: string): boolean {
  return typeof checkedParts(date) !== 'string';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Days since 1970-01-01 (civil-from-days algorithm, H. Hinnant). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

/** D + N calendar days; D itself is not counted (art. 641 CPC): 10 March + 30 = 9 April. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) {
    throw refusalError('INVALID_NUMBER', message('refusal.date.days', { text: String(days) }));
  }
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function lastDayOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(date);
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

export function firstDayOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(date);
  return formatIsoDate({ year, month, day: 1 });
}

/** Adds whole months to a month (`YYYY-MM-DD`), returning the first day of the resulting month. */
export function addMonthsToFirstDay(date: IsoDate, months: number): IsoDate {
  const { year, month } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  return formatIsoDate({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 });
}

/** Same day N months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const { day } = parseIsoDate(date);
  const first = parseIsoDate(addMonthsToFirstDay(date, months));
  return formatIsoDate({ ...first, day: Math.min(day, daysInMonth(first.year, first.month)) });
}

/** A billing month as `YYYY-MM`. */
export type YearMonth = string;

export function parseYearMonth(ym: YearMonth): { year: number; month: number } {
  const m = typeof ym === 'string' ? /^(\d{4})-(\d{2})$/.exec(ym) : null;
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) {
    throw refusalError('INVALID_DATE', message('refusal.month.format', { text: String(ym) }));
  }
  return { year: Number(m[1]), month };
}

export function yearMonthOf(date: IsoDate): YearMonth {
  parseIsoDate(date);
  return date.slice(0, 7);
}

export function addMonthsToYearMonth(ym: YearMonth, months: number): YearMonth {
  return addMonthsToFirstDay(`${ym}-01`, months).slice(0, 7);
}

const MONTHS_FR = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

/** "27/11/2026" — the French short form used everywhere in the UI. */
export function formatDateFr(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** "27 novembre 2026" (and "1er décembre 2026") — the long form used in letters. */
export function formatDateLongFr(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day === 1 ? '1er' : day} ${MONTHS_FR[month - 1]} ${year}`;
}

/** "novembre 2026" for a `YYYY-MM` month. */
export function formatMonthFr(ym: YearMonth): string {
  const { year, month } = parseYearMonth(ym);
  return `${MONTHS_FR[month - 1]} ${year}`;
}
