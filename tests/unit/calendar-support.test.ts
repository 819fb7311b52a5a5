import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatParisInstant,
  isBusinessDay,
  parisOffsetMinutes,
  parisWallClockToUtc,
  parseInstant,
  supportDeadline,
  supportDeadlineExplained,
  toParisWallClock,
} from '../../src-core/calendar';
import { expectDomainError } from './support/domain-error';

const H = 3_600_000;
const AM = { alsaceMoselle: true };


describe('instants', () => {
  it('parses offsets, Z and fractions to the same UTC instant', () => {
    const utc = Date.UTC(2026, 10, 27, 16, 0, 0);
    expect(parseInstant('2026-11-27T17:00:00+01:00')).toBe(utc);
    expect(parseInstant('2026-11-27T16:00:00Z')).toBe(utc);
    expect(parseInstant('2026-11-27T16:00Z')).toBe(utc);
    expect(parseInstant('2026-11-27T11:00:00-05:00')).toBe(utc);
    expect(parseInstant('2026-11-27T16:00:00.250Z')).toBe(utc + 250);
    expect(parseInstant('2026-11-27T16:00:00.5Z')).toBe(utc + 500);
    expect(parseInstant('2026-11-27T17:00:00.123456+01:00')).toBe(utc + 123);
  });

  it.each([
    '2026-02-30T10:00:00+01:00',
    '2026-11-27T24:00:00+01:00',
    '2026-11-27T17:60:00+01:00',
    '2026-11-27T17:00:60+01:00',
    '2026-11-27T17:00:00+15:00',
    '2026-11-27T17:00:00+01:60',
    '2026-11-27T17:00:00', // no offset: ambiguous
    '2026-11-27 17:00:00+01:00',
    '',
  ])('refuses %j', (text) => {
    expectDomainError(() => parseInstant(text), 'INVALID_INSTANT');
  });

  it('refuses what is not a string, with a French message', () => {
    expect(() => parseInstant(42 as unknown as string)).toThrow(/Horodatage invalide/);
  });

  it('knows the Paris offset on both sides of the 2026 changes (29 March, 25 October, 01:00 UTC)', () => {
    expect(parisOffsetMinutes(Date.UTC(2026, 2, 29, 0, 59, 59))).toBe(60);
    expect(parisOffsetMinutes(Date.UTC(2026, 2, 29, 1, 0, 0))).toBe(120);
    expect(parisOffsetMinutes(Date.UTC(2026, 9, 25, 0, 59, 59))).toBe(120);
    expect(parisOffsetMinutes(Date.UTC(2026, 9, 25, 1, 0, 0))).toBe(60);
    expect(parisOffsetMinutes(Date.UTC(2027, 2, 28, 1, 0, 0))).toBe(120); // last Sunday of March 2027
    expect(parisOffsetMinutes(Date.UTC(2027, 2, 27, 12, 0, 0))).toBe(60);
  });

  it('agrees with the host time zone database on Europe/Paris (test only; the core never asks it)', () => {
    const format = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'shortOffset' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (utc) => {
        const name = format.formatToParts(new Date(utc)).find((p) => p.type === 'timeZoneName')?.value;
        expect(name).toBe(parisOffsetMinutes(utc) === 120 ? 'GMT+2' : 'GMT+1');
      }),
    );
  });

  it('writes an instant with the Paris offset in force', () => {
    expect(formatParisInstant(Date.UTC(2026, 10, 27, 16))).toBe('2026-11-27T17:00:00+01:00');
    expect(formatParisInstant(Date.UTC(2026, 6, 14, 10, 30, 5, 7))).toBe('2026-07-14T12:30:05.007+02:00');
    expect(formatParisInstant(Date.UTC(2026, 11, 31, 23, 30))).toBe('2027-01-01T00:30:00+01:00');
  });

  it('round-trips Paris wall clock and UTC, taking summer time in the repeated October hour', () => {
    expect(toParisWallClock(Date.UTC(2026, 2, 29, 1))).toEqual({ date: '2026-03-29', msOfDay: 3 * H });
    expect(parisWallClockToUtc({ date: '2026-10-25', msOfDay: 2.5 * H })).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(parisWallClockToUtc({ date: '2026-10-25', msOfDay: 3.5 * H })).toBe(Date.UTC(2026, 9, 25, 2, 30));
    expect(() => parisWallClockToUtc({ date: '2026-03-29', msOfDay: 2.5 * H })).toThrow(/heure d’été/);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (utc) => {
        const clock = toParisWallClock(utc);
        const back = parisWallClockToUtc(clock);
        // Only the second pass through the repeated October hour maps back one hour earlier.
        expect([utc, utc - H]).toContain(back);
        expect(parseInstant(formatParisInstant(utc))).toBe(utc);
      }),
    );
  });
});

describe('supportDeadline (§4.1, §5.1)', () => {
  it.each([
    // DOMAIN.md: T999 reported Friday 17:00 → Monday 12:00.
    ['2026-11-27T17:00:00+01:00', 4, '2026-11-30T12:00:00+01:00'],
    ['2026-11-27T16:00:00Z', 4, '2026-11-30T12:00:00+01:00'],
    ['2026-11-27T17:00:00+01:00', 8, '2026-11-30T16:00:00+01:00'], // T499
    // Summer time starts on Sunday 29 March 2026: Friday in winter, Monday in summer.
    ['2026-03-27T17:00:00+01:00', 4, '2026-03-30T12:00:00+02:00'],
    // Summer time ends on Sunday 25 October 2026.
    ['2026-10-23T17:00:00+02:00', 4, '2026-10-26T12:00:00+01:00'],
    ['2026-11-30T07:30:00+01:00', 4, '2026-11-30T13:00:00+01:00'], // before opening
    ['2026-11-28T10:00:00+01:00', 4, '2026-11-30T13:00:00+01:00'], // Saturday
    ['2026-11-30T18:00:00+01:00', 4, '2026-12-01T13:00:00+01:00'], // at closing time
    ['2026-11-30T14:00:00+01:00', 4, '2026-11-30T18:00:00+01:00'], // ends exactly at closing
    ['2026-11-30T14:20:30+01:00', 4, '2026-12-01T09:20:30+01:00'],
    ['2026-12-24T17:00:00+01:00', 4, '2026-12-28T12:00:00+01:00'], // Christmas Friday
    ['2026-04-03T17:00:00+02:00', 4, '2026-04-07T12:00:00+02:00'], // Easter Monday
    ['2026-11-30T09:00:00+01:00', 20, '2026-12-02T11:00:00+01:00'], // 9 + 9 + 2 hours
    ['2026-11-30T10:15:00+01:00', 0, '2026-11-30T10:15:00+01:00'],
    ['2026-11-28T10:15:00+01:00', 0, '2026-11-30T09:00:00+01:00'],
    ['2026-11-30T10:15:00.123+01:00', 1, '2026-11-30T11:15:00.123+01:00'],
  ])('%s + %i business hours → %s', (reported, hours, expected) => {
    expect(supportDeadline(reported, hours)).toBe(expected);
  });

  it('skips Good Friday in Alsace-Moselle', () => {
    expect(supportDeadline('2026-04-02T17:00:00+02:00', 4)).toBe('2026-04-03T12:00:00+02:00');
    expect(supportDeadline('2026-04-02T17:00:00+02:00', 4, AM)).toBe('2026-04-07T12:00:00+02:00');
  });

  it('explains the rule', () => {
    const e = supportDeadlineExplained('2026-11-27T17:00:00+01:00', 4);
    expect(e.value).toBe('2026-11-30T12:00:00+01:00');
    expect(e.clause).toBe('§4.1, §5.1');
    expect(e.rule).toContain('4 heures ouvrées');
    expect(supportDeadlineExplained('2026-11-27T17:00:00+01:00', 1).rule).toMatch(/^1 heure ouvrée décomptée/);
  });

  it('refuses bad input', () => {
    expectDomainError(() => supportDeadline('2026-11-27T17:00:00', 4), 'INVALID_INSTANT');
    expectDomainError(() => supportDeadline('2026-11-31T17:00:00+01:00', 4), 'INVALID_INSTANT');
    expectDomainError(() => supportDeadline('2026-11-27T17:00:00+01:00', -1), 'INVALID_NUMBER');
    expectDomainError(() => supportDeadline('2026-11-27T17:00:00+01:00', 1.5), 'INVALID_NUMBER');
  });

  const reports = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 0, 1) }).map((ms) => new Date(Math.floor(ms / 60000) * 60000).toISOString());

  it('ends inside support hours, after the report, written with the Paris offset of the result', () => {
    fc.assert(
      fc.property(reports, fc.integer({ min: 1, max: 40 }), (reported, hours) => {
        const deadline = supportDeadline(reported, hours);
        const utc = parseInstant(deadline);
        const { date, msOfDay } = toParisWallClock(utc);
        expect(isBusinessDay(date)).toBe(true);
        expect(msOfDay).toBeGreaterThan(9 * H);
        expect(msOfDay).toBeLessThanOrEqual(18 * H);
        expect(utc - parseInstant(reported)).toBeGreaterThanOrEqual(hours * H);
        expect(deadline.endsWith(parisOffsetMinutes(utc) === 120 ? '+02:00' : '+01:00')).toBe(true);
      }),
    );
  });

  it('adds up: N + M hours from a report = M hours from the N-hour deadline', () => {
    fc.assert(
      fc.property(reports, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 30 }), (reported, n, m) => {
        expect(supportDeadline(reported, n + m)).toBe(supportDeadline(supportDeadline(reported, n), m));
      }),
    );
  });
});
