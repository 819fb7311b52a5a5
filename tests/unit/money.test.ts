import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPercent, assertCents, assertNonNegativeCents, divRoundHalfAwayFromZero, formatEuros, mulDivRound, parseEuros,
} from '../../src-core/money';

describe('integer cents', () => {
  it('accepts safe integers and refuses floats, NaN and huge values', () => {
    expect(assertCents(-5)).toBe(-5);
    expect(() => assertCents(1.5)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => assertCents(Number.NaN)).toThrow(/au centime près/);
    expect(() => assertCents(2 ** 60)).toThrow();
    expect(assertNonNegativeCents(0)).toBe(0);
    expect(() => assertNonNegativeCents(-1, 'monthlyPrice')).toThrow(/Prix mensuel négatif refusé/);
  });
});

describe('rounding half away from zero', () => {
  it('rounds halves away from zero on both signs', () => {
    expect(divRoundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divRoundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(divRoundHalfAwayFromZero(-5n, -2n)).toBe(3n);
    expect(divRoundHalfAwayFromZero(7n, 3n)).toBe(2n);
    expect(divRoundHalfAwayFromZero(-7n, 3n)).toBe(-2n);
    expect(() => divRoundHalfAwayFromZero(1n, 0n)).toThrow(/Division par zéro/);
  });

  it('is symmetric: round(−x) = −round(x)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        expect(divRoundHalfAwayFromZero(-n, d)).toBe(-divRoundHalfAwayFromZero(n, d));
      }),
    );
  });

  it('stays within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const q = divRoundHalfAwayFromZero(n, d);
        const error = q * d - n; // exact error times d
        expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
      }),
    );
  });

  it('mulDivRound multiplies exactly beyond 2^53 and refuses non-integer factors', () => {
    expect(mulDivRound(9900, 15, 30)).toBe(4950);
    expect(mulDivRound(-9900, 1, 7)).toBe(-1414); // −1414.28…
    expect(mulDivRound(-1, 1, 2)).toBe(-1); // −0.5 → −1
    expect(mulDivRound(2 ** 52, 3, 3)).toBe(2 ** 52);
    expect(() => mulDivRound(100, 1.5, 2)).toThrow(expect.objectContaining({ code: 'INVALID_NUMBER' }));
    expect(() => mulDivRound(0.5, 1, 2)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('applyPercent takes rates with two decimals at most', () => {
    expect(applyPercent(9900, 20)).toBe(1980);
    expect(applyPercent(1001, 5.5)).toBe(55); // 55.055
    expect(applyPercent(-1001, 5.5)).toBe(-55);
    expect(applyPercent(25, 2.1)).toBe(1); // 0.525 → 1
    expect(applyPercent(-25, 2.1)).toBe(-1);
    expect(() => applyPercent(100, 5.555)).toThrow(/deux décimales/);
  });
});

describe('French euro text', () => {
  it('formats with U+00A0 grouping and a comma', () => {
    expect(formatEuros(123456)).toBe('1\u00a0234,56\u00a0€');
    expect(formatEuros(5)).toBe('0,05\u00a0€');
    expect(formatEuros(-4950)).toBe('-49,50\u00a0€');
    expect(formatEuros(100000000)).toBe('1\u00a0000\u00a0000,00\u00a0€');
    expect(formatEuros(0)).toBe('0,00\u00a0€');
    expect(() => formatEuros(1.5)).toThrow();
  });

  it('parses what people type, exactly', () => {
    expect(parseEuros('1234,56')).toBe(123456);
    expect(parseEuros('1 234.5')).toBe(123450);
    expect(parseEuros('49')).toBe(4900);
    expect(parseEuros('-0,07 €')).toBe(-7);
    expect(parseEuros('1\u202f234,56\u00a0€')).toBe(123456);
    expect(() => parseEuros('12,345')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => parseEuros('abc')).toThrow(/Montant illisible/);
  });

  it('parse(format(x)) = x', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (cents) => {
        expect(parseEuros(formatEuros(cents))).toBe(cents);
      }),
    );
  });
});
