import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptIssuedNumber, allocateNumber, checkContinuity, formatDocumentNumber, isValidDocumentNumber, parseDocumentNumber,
  seriesCapacity, seriesName, startSeries, type NumberingSeries,
} from '../../src-core/billing';
import { messageFr } from '../../src-core/messages';

const code = (c: string) => expect.objectContaining({ code: c });

describe('number formats', () => {
  it('formats and parses central and device series, invoices and credit notes', () => {
    expect(formatDocumentNumber({ prefix: 'F', year: 2026, number: 123 })).toBe('F-2026-000123');
    expect(formatDocumentNumber({ prefix: 'F', year: 2026, deviceCode: 'L01', number: 42 })).toBe('F-2026-L01-0042');
    expect(formatDocumentNumber({ prefix: 'AV', year: 2027, number: 1 })).toBe('AV-2027-000001');
    expect(parseDocumentNumber('AV-2026-PC7-9999')).toEqual({ prefix: 'AV', year: 2026, deviceCode: 'PC7', number: 9999 });
    expect(parseDocumentNumber('F-2026-000123')).toEqual({ prefix: 'F', year: 2026, number: 123 });
    expect(seriesName({ prefix: 'F', year: 2026, deviceCode: 'L01' })).toBe('F-2026-L01');
    expect(seriesCapacity({})).toBe(999999);
    expect(seriesCapacity({ deviceCode: 'L01' })).toBe(9999);
  });

  it('refuses malformed numbers and series', () => {
    for (const bad of ['F-2026-123', 'F-2026-0000123', 'F-2026-000000', 'X-2026-000001', 'F-2026-L01-001', 'F-2026-l01-0001', 'F-2026-1A-0001', 'f-2026-000001']) {
      expect(isValidDocumentNumber(bad)).toBe(false);
    }
    expect(() => parseDocumentNumber(undefined as unknown as string)).toThrow(code('INVALID_SERIES'));
    expect(() => formatDocumentNumber({ prefix: 'F', year: 2026, number: 1_000_000 })).toThrow(/de 1 à 999999/);
    expect(() => formatDocumentNumber({ prefix: 'F', year: 2026, deviceCode: 'L01', number: 10_000 })).toThrow(code('INVALID_SERIES'));
    expect(() => formatDocumentNumber({ prefix: 'F', year: 2026, number: 0 })).toThrow(code('INVALID_SERIES'));
    expect(() => startSeries('FA' as 'F', 2026)).toThrow(/Préfixe de série inconnu/);
    expect(() => startSeries('F', 26)).toThrow(/Année de série invalide/);
    expect(() => startSeries('F', 2026, 'l-01')).toThrow(/Code de poste invalide/);
  });
});

describe('allocation', () => {
  it('issues 1, 2, 3… and resets with each year', () => {
    let series = startSeries('F', 2026);
    const issued: string[] = [];
    for (const date of ['2026-01-01', '2026-01-01', '2026-06-30', '2026-12-31']) {
      const next = allocateNumber(series, date);
      issued.push(next.number);
      series = next.series;
    }
    expect(issued).toEqual(['F-2026-000001', 'F-2026-000002', 'F-2026-000003', 'F-2026-000004']);
    expect(series).toEqual({ prefix: 'F', year: 2026, lastNumber: 4, lastIssueDate: '2026-12-31' });
    expect(allocateNumber(startSeries('AV', 2027, 'L01'), '2027-01-02').number).toBe('AV-2027-L01-0001');
  });

  it('refuses a date of another year, a date before the last, an exhausted series', () => {
    const series = allocateNumber(startSeries('F', 2026), '2026-11-16').series;
    expect(() => allocateNumber(series, '2027-01-01')).toThrow(code('NUMBERING_VIOLATION'));
    expect(() => allocateNumber(series, '2027-01-01')).toThrow(/ne numérote que des documents datés de 2026/);
    expect(() => allocateNumber(series, '2026-11-15')).toThrow(/ordre chronologique/);
    expect(() => allocateNumber({ prefix: 'F', year: 2026, deviceCode: 'L01', lastNumber: 9999 }, '2026-12-01')).toThrow(/épuisée/);
    expect(() => allocateNumber(series, '2026-02-30')).toThrow(code('INVALID_DATE'));
  });

  it('accepts a number issued elsewhere only if it is the next one of the same series', () => {
    const series: NumberingSeries = { prefix: 'F', year: 2026, deviceCode: 'L01', lastNumber: 41 };
    expect(acceptIssuedNumber(series, 'F-2026-L01-0042', '2026-11-20').lastNumber).toBe(42);
    expect(() => acceptIssuedNumber(series, 'F-2026-L01-0041', '2026-11-20')).toThrow(/déjà été attribué/);
    expect(() => acceptIssuedNumber(series, 'F-2026-L01-0044', '2026-11-20')).toThrow(/sauterait 2 numéro/);
    expect(() => acceptIssuedNumber(series, 'F-2026-L02-0042', '2026-11-20')).toThrow(/n'appartient pas à la série F-2026-L01/);
    expect(() => acceptIssuedNumber(series, 'F-2026-000042', '2026-11-20')).toThrow(code('NUMBERING_VIOLATION'));
    expect(() => acceptIssuedNumber(series, 'AV-2026-L01-0042', '2026-11-20')).toThrow(code('NUMBERING_VIOLATION'));
  });
});

describe('continuity check', () => {
  it('accepts a continuous series in any order', () => {
    expect(checkContinuity([])).toEqual([]);
    expect(checkContinuity(['F-2026-000002', 'F-2026-000001', 'F-2026-000003'])).toEqual([]);
  });

  it('reports gaps, duplicates, foreign and invalid numbers in French', () => {
    expect(checkContinuity(['F-2026-000001', 'F-2026-000003', 'F-2026-000003', 'F-2026-000007', 'F-2027-000004', 'n° 5']).map(messageFr)).toEqual([
      '« n° 5 » n\'est pas un numéro de document valide.',
      'F-2027-000004 n\'appartient pas à la série F-2026.',
      'Trou dans la numérotation : F-2026-000002 manque.',
      'Numéro en double : F-2026-000003.',
      'Trou dans la numérotation : F-2026-000004 à F-2026-000006 manquent.',
    ]);
    expect(checkContinuity(['AV-2026-L01-0002']).map(messageFr)).toEqual(['Trou dans la numérotation : AV-2026-L01-0001 manque.']);
  });
});

describe('no skip, no repeat under any interleaving (property)', () => {
  const SERIES: NumberingSeries[] = [
    startSeries('F', 2026),
    startSeries('AV', 2026),
    startSeries('F', 2026, 'L01'),
    startSeries('F', 2026, 'L02'),
    startSeries('AV', 2026, 'L01'),
  ];

  it('each series stays continuous whatever the order of allocations, and refused attempts change nothing', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('allocate' as const), series: fc.nat(SERIES.length - 1), day: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('replay' as const), series: fc.nat(SERIES.length - 1), offset: fc.integer({ min: -3, max: 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const states = [...SERIES];
        const issued: string[][] = SERIES.map(() => []);
        const dates = SERIES.map(() => 1);
        for (const o of ops) {
          const state = states[o.series]!;
          if (o.kind === 'allocate') {
            dates[o.series] = Math.min(28, dates[o.series]! + o.day);
            const next = allocateNumber(state, `2026-03-${String(dates[o.series]).padStart(2, '0')}`);
            issued[o.series]!.push(next.number);
            states[o.series] = next.series;
          } else {
            // a laptop replays a number around the next one: only the next one may pass
            const n = state.lastNumber + 1 + o.offset;
            if (n < 1) continue;
            const number = formatDocumentNumber({ ...state, number: n });
            const date = `2026-03-${String(dates[o.series]).padStart(2, '0')}`;
            if (o.offset === 0) {
              states[o.series] = acceptIssuedNumber(state, number, date);
              issued[o.series]!.push(number);
            } else {
              expect(() => acceptIssuedNumber(state, number, date)).toThrow(code('NUMBERING_VIOLATION'));
            }
          }
        }
        issued.forEach((numbers, i) => {
          expect(checkContinuity(numbers)).toEqual([]);
          expect(new Set(numbers).size).toBe(numbers.length);
          expect(numbers.map((n) => parseDocumentNumber(n).number)).toEqual(numbers.map((_, k) => k + 1));
          expect(states[i]!.lastNumber).toBe(numbers.length);
        });
      }),
    );
  });

  it('model-based: allocation commands against a counter model', () => {
    type Model = { counts: number[] };
    type Real = { states: NumberingSeries[]; issued: Set<string> };
    class Allocate implements fc.Command<Model, Real> {
      constructor(readonly index: number) {}
      check = () => true;
      run(model: Model, real: Real) {
        const { number, series } = allocateNumber(real.states[this.index]!, '2026-05-05');
        model.counts[this.index]! += 1;
        expect(real.issued.has(number)).toBe(false);
        expect(parseDocumentNumber(number).number).toBe(model.counts[this.index]);
        real.issued.add(number);
        real.states[this.index] = series;
      }
      toString = () => `allocate(${this.index})`;
    }
    class Reuse implements fc.Command<Model, Real> {
      constructor(readonly index: number) {}
      check = (model: Readonly<Model>) => model.counts[this.index]! > 0;
      run(model: Model, real: Real) {
        const state = real.states[this.index]!;
        const last = formatDocumentNumber({ ...state, number: model.counts[this.index]! });
        expect(() => acceptIssuedNumber(state, last, '2026-05-05')).toThrow(/réutilise/);
      }
      toString = () => `reuse(${this.index})`;
    }
    const index = fc.nat(SERIES.length - 1);
    fc.assert(
      fc.property(fc.commands([index.map((i) => new Allocate(i)), index.map((i) => new Reuse(i))], { maxCommands: 60 }), (cmds) => {
        fc.modelRun(() => ({ model: { counts: SERIES.map(() => 0) }, real: { states: [...SERIES], issued: new Set<string>() } }), cmds);
      }),
    );
  });
});
