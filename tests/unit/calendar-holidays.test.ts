import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, daysBetween, fromDayNumber, toDayNumber } from '../../src-core/dates';
import {
  actionDeadline,
  addBusinessDays,
  easterSunday,
  frenchPublicHolidays,
  isBusinessDay,
  isPublicHoliday,
  nextBusinessDayOnOrAfter,
  securityUpdateDeadline,
  securityUpdateDeadlineExplained,
} from '../../src-core/calendar';
import { expectDomainError } from './support/domain-error';

/** Any date from 2000 to 2099. */
const anyDate = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2099-12-31') }).map(fromDayNumber);
const AM = { alsaceMoselle: true };


describe('Easter (Gregorian computus)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2000, '2000-04-23'],
    [1943, '1943-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
    [1583, '1583-04-10'],
  ])('%i → %s', (year, easter) => {
    expect(easterSunday(year)).toBe(easter);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(dayOfWeek(easter)).toBe(0);
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
      }),
    );
  });

  it.each([1582, 10000, 2026.5, Number.NaN])('refuses the year %s', (year) => {
    expectDomainError(() => easterSunday(year), 'INVALID_NUMBER');
    expectDomainError(() => frenchPublicHolidays(year), 'INVALID_NUMBER');
  });
});

describe('frenchPublicHolidays', () => {
  it('lists the 11 national days of 2026, sorted', () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25',
      '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
    ]);
  });

  it('adds Good Friday and 26 December in Alsace-Moselle', () => {
    const days = frenchPublicHolidays(2027, AM);
    expect(days).toHaveLength(13);
    expect(days).toContain('2027-03-26');
    expect(days).toContain('2027-12-26');
    expect(frenchPublicHolidays(2027)).not.toContain('2027-03-26');
    expect(frenchPublicHolidays(2027, { alsaceMoselle: false })).toHaveLength(11);
  });

  it('lists a shared day once (2008: Ascension on 1 May)', () => {
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(frenchPublicHolidays(2008).filter((d) => d === '2008-05-01')).toHaveLength(1);
    expect(frenchPublicHolidays(2008)).toHaveLength(10);
  });

  it('keeps Ascension in May when Easter is late (2038: Easter 25 April → 3 June)', () => {
    expect(frenchPublicHolidays(2038)).toContain('2038-06-03');
    expect(frenchPublicHolidays(2038)).toContain('2038-06-14');
  });

  it('gives sorted days of the year, with the movable ones on the right weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), fc.boolean(), (year, alsaceMoselle) => {
        const days = frenchPublicHolidays(year, { alsaceMoselle });
        const easter = easterSunday(year);
        // Ascension shares a day with 1 or 8 May when Easter is on 23 or 30 March.
        const shared = ['03-23', '03-30'].includes(easter.slice(5)) ? 1 : 0;
        expect(days).toHaveLength((alsaceMoselle ? 13 : 11) - shared);
        expect([...days].sort()).toEqual(days);
        expect(new Set(days).size).toBe(days.length);
        for (const d of days) expect(d.startsWith(String(year))).toBe(true);
        expect(dayOfWeek(addDays(easter, 1))).toBe(1);
        expect(dayOfWeek(addDays(easter, 39))).toBe(4);
        expect(dayOfWeek(addDays(easter, 50))).toBe(1);
      }),
    );
  });
});

describe('isBusinessDay', () => {
  it.each([
    ['2026-11-27', true], // Friday
    ['2026-11-28', false], // Saturday
    ['2026-11-29', false], // Sunday
    ['2026-11-11', false], // Armistice, Wednesday
    ['2026-04-06', false], // Easter Monday
    ['2026-04-03', true], // Good Friday, national calendar
    ['2025-12-26', true], // Saint-Étienne, national calendar
  ])('%s → %s', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });

  it('follows the Alsace-Moselle option', () => {
    expect(isBusinessDay('2026-04-03', AM)).toBe(false);
    expect(isBusinessDay('2025-12-26', AM)).toBe(false);
    expect(isPublicHoliday('2025-12-26', AM)).toBe(true);
    expect(isPublicHoliday('2025-12-26')).toBe(false);
  });

  it('refuses an impossible date', () => {
    expectDomainError(() => isBusinessDay('2026-02-30'), 'INVALID_DATE');
    expectDomainError(() => isBusinessDay('27/11/2026'), 'INVALID_DATE');
  });
});

describe('actionDeadline (art. 641 and 642 CPC)', () => {
  it.each([
    ['2027-03-10', 30, '2027-04-09'], // DOMAIN.md: 10 March + 30 days = 9 April
    ['2026-10-02', 30, '2026-11-02'], // 1 Nov, a Sunday and a holiday → Monday
    ['2026-10-12', 30, '2026-11-12'], // 11 Nov, a Wednesday holiday → Thursday
    ['2026-11-05', 30, '2026-12-07'], // Saturday → Monday
    ['2026-04-03', 30, '2026-05-04'], // Sunday → Monday
    ['2027-11-25', 30, '2027-12-27'], // Saturday 25 Dec → Monday 27
    ['2028-01-30', 30, '2028-02-29'], // leap day, a Tuesday
    ['2026-01-31', 28, '2026-03-02'], // 28 Feb 2026 is a Saturday
    ['2026-11-27', 0, '2026-11-27'],
  ])('%s + %i days → %s', (date, days, expected) => {
    expect(actionDeadline(date, days)).toBe(expected);
  });

  it('also skips Alsace-Moselle days when switched on', () => {
    expect(actionDeadline('2025-11-26', 30)).toBe('2025-12-26');
    expect(actionDeadline('2025-11-26', 30, AM)).toBe('2025-12-29');
  });

  it('refuses bad input', () => {
    expectDomainError(() => actionDeadline('2026-02-30', 30), 'INVALID_DATE');
    expectDomainError(() => actionDeadline('2026-11-27', 1.5), 'INVALID_NUMBER');
    expectDomainError(() => actionDeadline('2026-11-27', -1), 'INVALID_NUMBER');
  });

  it('moves a deadline falling on Ascension Thursday 7 May by four days, over 8 May and the weekend', () => {
    expect(actionDeadline('2065-02-19', 77)).toBe('2065-05-11');
  });

  it('lands on the first business day on or after D + N', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 400 }), fc.boolean(), (date, days, alsaceMoselle) => {
        const opts = { alsaceMoselle };
        const deadline = actionDeadline(date, days, opts);
        const plain = addDays(date, days);
        const gap = daysBetween(plain, deadline);
        expect(isBusinessDay(deadline, opts)).toBe(true);
        // Longest runs of days off: 4 — Ascension on Thursday 7 May, 8 May, then the weekend (Easter on
        // 29 March, e.g. 2065: from 07/05/2065 the deadline moves to Monday 11/05); in Alsace-Moselle also
        // Good Friday to Easter Monday, and Christmas on a Thursday with Saint-Étienne. No run of 5 exists.
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(4);
        for (let i = 0; i < gap; i += 1) expect(isBusinessDay(addDays(plain, i), opts)).toBe(false);
      }),
    );
  });
});

describe('business days', () => {
  it('nextBusinessDayOnOrAfter keeps a business day and skips days off', () => {
    expect(nextBusinessDayOnOrAfter('2026-11-27')).toBe('2026-11-27');
    expect(nextBusinessDayOnOrAfter('2026-12-25')).toBe('2026-12-28');
    expect(nextBusinessDayOnOrAfter('2026-04-03', AM)).toBe('2026-04-07'); // Good Friday to Easter Monday
    expect(nextBusinessDayOnOrAfter('2026-04-03')).toBe('2026-04-03');
  });

  it('addBusinessDays counts business days after D', () => {
    expect(addBusinessDays('2026-11-27', 0)).toBe('2026-11-27');
    expect(addBusinessDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addBusinessDays('2026-11-28', 5)).toBe('2026-12-04');
    expectDomainError(() => addBusinessDays('2026-02-30', 0), 'INVALID_DATE');
    expectDomainError(() => addBusinessDays('2026-11-27', -2), 'INVALID_NUMBER');
  });

  it('addBusinessDays lands on a business day with exactly N business days in (D, result]', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 30 }), fc.boolean(), (date, n, alsaceMoselle) => {
        const opts = { alsaceMoselle };
        const result = addBusinessDays(date, n, opts);
        expect(isBusinessDay(result, opts)).toBe(true);
        let count = 0;
        for (let d = addDays(date, 1); d <= result; d = addDays(d, 1)) if (isBusinessDay(d, opts)) count += 1;
        expect(count).toBe(n);
      }),
      { numRuns: 200 },
    );
  });
});

describe('securityUpdateDeadline (§4.2)', () => {
  it.each([
    ['2026-11-27', '2026-12-04'], // Friday → next Friday
    ['2026-11-28', '2026-12-04'], // released on a Saturday
    ['2026-12-24', '2027-01-04'], // over Christmas and New Year
    ['2025-12-24', '2026-01-02'],
  ])('%s → %s', (released, expected) => {
    expect(securityUpdateDeadline(released)).toBe(expected);
  });

  it('counts Alsace-Moselle days off when switched on, and explains itself', () => {
    expect(securityUpdateDeadline('2025-12-24', AM)).toBe('2026-01-05');
    const e = securityUpdateDeadlineExplained('2026-11-27');
    expect(e).toMatchObject({ value: '2026-12-04', clause: '§4.2' });
    expect(e.rule).toContain('cinq jours ouvrés');
    expect(e.rule).toContain('27/11/2026');
  });
});
