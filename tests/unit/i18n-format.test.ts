import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDateFr, formatEuros, formatMonthFr } from '../../src-core';
import { formatsFor } from '../../src-renderer/i18n/format';

// One formatting module for both locales (issue 19): French exactly as the
// documents print it; English "€1,234.56" with dates kept day first.
const fr = formatsFor('fr');
const en = formatsFor('en');
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formats of the interface', () => {
  it('writes amounts as each locale reads them', () => {
    expect(plain(fr.money(123456))).toBe('1 234,56 €');
    expect(en.money(123456)).toBe('€1,234.56');
    expect(en.money(-5)).toBe('-€0.05');
    expect(en.money(100000000)).toBe('€1,000,000.00');
  });

  it('writes French exactly as the documents do (src-core)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => fr.money(cents) === formatEuros(cents)));
    expect(fr.date('2026-11-27')).toBe(formatDateFr('2026-11-27'));
    expect(fr.month('2026-11')).toBe(formatMonthFr('2026-11'));
  });

  it('keeps the English amount equal in value to the French one, digit for digit', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => en.money(cents).replace(/[€,.]/g, '') === fr.money(cents).replace(/[^\d-]/g, '')));
  });

  it('writes dates day first in both locales, and months in words', () => {
    expect(en.date('2026-11-27')).toBe('27/11/2026');
    expect(en.dateLong('2026-12-01')).toBe('1 December 2026');
    expect(fr.dateLong('2026-12-01')).toBe('1er décembre 2026');
    expect(en.month('2026-08')).toBe('August 2026');
    expect(fr.month('2026-08')).toBe('août 2026');
    expect(en.shortMonth('2026-02')).toBe('Feb 26');
    expect(fr.shortMonth('2026-02')).toBe('févr. 26');
  });

  it('groups numbers and megabytes as the locale does', () => {
    expect(plain(fr.number(10000))).toBe('10 000');
    expect(en.number(10000)).toBe('10,000');
    expect(fr.megabytes(1.5 * 1024 * 1024)).toBe('1,5');
    expect(en.megabytes(1.5 * 1024 * 1024)).toBe('1.5');
  });
});
