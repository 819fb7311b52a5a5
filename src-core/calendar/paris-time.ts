import { addDays, dayOfWeek, formatIsoDate, fromDayNumber, lastDayOfMonth, parseIsoDate, toDayNumber, type IsoDate } from '../dates';
import type { DomainError } from '../errors';
import { message, refusalError, type Message } from '../messages';

/**
 * Instants are ISO strings with an offset (DOMAIN.md, Conventions) and support
 * hours are Europe/Paris wall-clock hours (§4.1). The core must give the same
 * answer on every machine, so the Paris offset is computed here from the EU
 * rule (summer time from the last Sunday of March to the last Sunday of
 * October, both at 01:00 UTC) instead of asking Intl or the host's local time.
 * Instants are handled as milliseconds since 1970-01-01T00:00Z, built from
 * day numbers (no `Date`, hence no host time zone anywhere).
 */
export type IsoInstant = string;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const WINTER_OFFSET_MIN = 60;
const SUMMER_OFFSET_MIN = 120;

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function invalidInstant(text: unknown, why: Message): DomainError {
  return refusalError('INVALID_INSTANT', message('refusal.instant.invalid', { text: String(text).slice(0, 200), why: { message: why } }));
}

/** Parses an ISO instant with offset ('2026-11-27T17:00:00+01:00' or '…Z') into UTC milliseconds. */
export function parseInstant(text: IsoInstant): number {
  const m = typeof text === 'string' ? ISO_INSTANT.exec(text) : null;
  if (!m) throw invalidInstant(text, message('refusal.instant.format'));
  const date = m[1] ?? '';
  let day: number;
  try {
    day = toDayNumber(date);
  } catch {
    throw invalidInstant(text, message('refusal.instant.noDay', { date }));
  }
  const field = (i: number) => Number(m[i] ?? 0);
  const [hour, minute, second, offsetHours, offsetMinutes] = [field(2), field(3), field(4), field(7), field(8)];
  if (hour > 23 || minute > 59 || second > 59) throw invalidInstant(text, message('refusal.instant.hour'));
  if (offsetHours > 14 || offsetMinutes > 59) throw invalidInstant(text, message('refusal.instant.offset'));
  const offset = (m[6] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes); // 'Z' leaves both at 0
  // Finer than the millisecond (PostgreSQL writes microseconds) is dropped: deadlines count in minutes.
  const millis = Number((m[5] ?? '').slice(0, 3).padEnd(3, '0'));
  return day * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + millis - offset * MINUTE_MS;
}

function lastSundayOf(year: number, month: number): IsoDate {
  const last = lastDayOfMonth(formatIsoDate({ year, month, day: 1 }));
  return addDays(last, -dayOfWeek(last));
}

/** Offset of Europe/Paris from UTC, in minutes, at a UTC instant: +60 in winter, +120 in summer. */
export function parisOffsetMinutes(utcMs: number): number {
  const { year } = parseIsoDate(fromDayNumber(Math.floor(utcMs / DAY_MS)));
  const summerStart = toDayNumber(lastSundayOf(year, 3)) * DAY_MS + HOUR_MS;
  const summerEnd = toDayNumber(lastSundayOf(year, 10)) * DAY_MS + HOUR_MS;
  return utcMs >= summerStart && utcMs < summerEnd ? SUMMER_OFFSET_MIN : WINTER_OFFSET_MIN;
}

/** Paris wall clock at a UTC instant: the calendar date and the milliseconds since local midnight. */
export interface ParisWallClock {
  date: IsoDate;
  msOfDay: number;
}

export function toParisWallClock(utcMs: number): ParisWallClock {
  const local = utcMs + parisOffsetMinutes(utcMs) * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  return { date: fromDayNumber(day), msOfDay: local - day * DAY_MS };
}

/**
 * The UTC instant of a Paris wall-clock time. In the October repeated hour the
 * first occurrence (summer time) is taken; a time skipped in March does not
 * exist and is refused.
 */
export function parisWallClockToUtc({ date, msOfDay }: ParisWallClock): number {
  const local = toDayNumber(date) * DAY_MS + msOfDay;
  for (const offset of [SUMMER_OFFSET_MIN, WINTER_OFFSET_MIN]) {
    const utc = local - offset * MINUTE_MS;
    if (parisOffsetMinutes(utc) === offset) return utc;
  }
  throw refusalError('INVALID_INSTANT', message('refusal.instant.summerGap', { date: { date } }));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** '2026-11-30T12:00:00+01:00': the instant written with the Paris offset in force at that instant. */
export function formatParisInstant(utcMs: number): IsoInstant {
  const { date, msOfDay } = toParisWallClock(utcMs);
  const offset = parisOffsetMinutes(utcMs);
  const hours = Math.floor(msOfDay / HOUR_MS);
  const minutes = Math.floor((msOfDay % HOUR_MS) / MINUTE_MS);
  const seconds = Math.floor((msOfDay % MINUTE_MS) / 1000);
  const millis = msOfDay % 1000;
  const fraction = millis ? `.${pad(millis, 3)}` : '';
  return `${date}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction}+${pad(offset / 60)}:00`;
}
