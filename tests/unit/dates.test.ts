import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, addMonthsClamped, addMonthsToFirstDay, addMonthsToYearMonth, compareDates, dayOfWeek, daysBetween, daysInMonth,
  firstDayOfMonth, formatDateFr, formatDateLongFr, formatIsoDate, formatMonthFr, fromDayNumber, isLeapYear, isValidIsoDate,
  lastDayOfMonth, parseIsoDate, parseYearMonth, toDayNumber, yearMonthOf,
} from '../../src-core/dates';

const anyDate = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar facts', () => {
  it('knows leap years and month lengths', () => {
    expect([2024, 2000, 2023, 1900, 2100].map(isLeapYear)).toEqual([true, true, false, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('parses valid dates and refuses impossible or malformed ones in French', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => parseIsoDate('2026-02-29')).toThrow(/Date impossible/);
    expect(() => parseIsoDate('2026-13-01')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => parseIsoDate('2026-04-00')).toThrow();
    expect(() => parseIsoDate('27/11/2026')).toThrow(/AAAA-MM-JJ/);
    expect(() => parseIsoDate(undefined as unknown as string)).toThrow(/Date invalide/);
    expect(isValidIsoDate('2026-11-16')).toBe(true);
    expect(isValidIsoDate('2026-11-31')).toBe(false);
    expect(formatIsoDate({ year: 987, month: 3, day: 5 })).toBe('0987-03-05');
  });

  it('reads a date digit by digit as the form YYYY-MM-DD says: ASCII digits, two dashes, ten characters', () => {
    const nearly = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9', '-', ' ', '/', 'a', '\u0663', '+', '\n'), minLength: 8, maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(nearly, anyDate, fc.string()), (text) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
        const exists = m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2]));
        expect(isValidIsoDate(text)).toBe(exists);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('day arithmetic', () => {
  it('does not count the day D itself (art. 641 CPC)', () => {
    expect(addDays('2026-03-10', 30)).toBe('2026-04-09');
    expect(addDays('2026-12-02', 30)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(() => addDays('2026-03-10', 1.5)).toThrow(expect.objectContaining({ code: 'INVALID_NUMBER' }));
  });

  it('day numbers are a bijection starting on 1970-01-01, a Thursday', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-11-27')).toBe(5); // a Friday
    expect(dayOfWeek('1969-12-28')).toBe(0); // Sunday, before the epoch
    fc.assert(
      fc.property(anyDate, (d) => {
        expect(fromDayNumber(toDayNumber(d))).toBe(d);
      }),
    );
  });

  it('addDays and daysBetween agree with each other and with the order of dates', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const later = addDays(d, n);
        expect(daysBetween(d, later)).toBe(n);
        expect(Math.sign(compareDates(later, d))).toBe(Math.sign(n));
      }),
    );
  });
});

describe('months', () => {
  it('gives the first and last day of a month', () => {
    expect(firstDayOfMonth('2026-11-16')).toBe('2026-11-01');
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(lastDayOfMonth('2027-01-31')).toBe('2027-01-31');
  });

  it('adds months to a first day and clamps a day to the month end', () => {
    expect(addMonthsToFirstDay('2026-11-16', 2)).toBe('2027-01-01');
    expect(addMonthsToFirstDay('2026-01-31', -1)).toBe('2025-12-01');
    expect(addMonthsClamped('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2026-03-15', 12)).toBe('2027-03-15');
  });

  it('handles YYYY-MM months', () => {
    expect(parseYearMonth('2026-11')).toEqual({ year: 2026, month: 11 });
    expect(() => parseYearMonth('2026-13')).toThrow(/Mois invalide/);
    expect(() => parseYearMonth('2026-1')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => parseYearMonth(null as unknown as string)).toThrow();
    expect(yearMonthOf('2026-11-16')).toBe('2026-11');
    expect(() => yearMonthOf('2026-11-31')).toThrow();
    expect(addMonthsToYearMonth('2026-12', 1)).toBe('2027-01');
    expect(addMonthsToYearMonth('2026-01', -1)).toBe('2025-12');
  });
});

describe('French formats', () => {
  it('writes short, long and month forms', () => {
    expect(formatDateFr('2026-11-27')).toBe('27/11/2026');
    expect(formatDateLongFr('2026-11-27')).toBe('27 novembre 2026');
    expect(formatDateLongFr('2026-12-01')).toBe('1er décembre 2026');
    expect(formatDateLongFr('2027-08-15')).toBe('15 août 2027');
    expect(formatMonthFr('2026-10')).toBe('octobre 2026');
    expect(formatMonthFr('2027-02')).toBe('février 2027');
  });
});
