import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth } from '../../src-core/dates';
import { mulDivRound } from '../../src-core/money';
import { messageFr } from '../../src-core/messages';
import {
  contractPriceListProblem, coveringTier, evaluateUsage, explainProration, findCoveringTier, fitsWithin, formatQuantityFr,
  getPriceList, getTier, METRICS, overConsumption, PRICE_LIST_2024_09_01, priceListInForce, prorateFirstMonth,
  toThousandths, type PriceList,
} from '../../src-core/pricing';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop reads it. */
const LISTS = [BUILT_IN_LIST];

const usage = (cpuHours: number, databaseGB: number, storageGB: number) => ({ cpuHours, databaseGB, storageGB });
const code = (c: string) => expect.objectContaining({ code: c });

describe('price list of 2024-09-01 (§5.1)', () => {
  it('holds the six tiers of the CGV', () => {
    expect(BUILT_IN_LIST.id).toBe('PL-2024-09-01');
    expect(PRICE_LIST_2024_09_01.effectiveFrom).toBe('2024-09-01');
    expect(PRICE_LIST_2024_09_01.tiers.map((t) => [t.id, t.priceCents, t.limits.cpuHours, t.limits.databaseGB, t.limits.storageGB, t.support])).toEqual([
      ['T19', 1900, 0.5, 0.5, 1, 'none'],
      ['T49', 4900, 1, 1, 2, 'none'],
      ['T99', 9900, 1.5, 1, 10, 'simple'],
      ['T199', 19900, 2, 1, 20, 'simple'],
      ['T499', 49900, 4, 1, 40, 'premium'],
      ['T999', 99900, 6, 1, 100, 'premium'],
    ]);
    expect(getTier('T499', BUILT_IN_LIST.id, LISTS).blockingAnomalyBusinessHours).toBe(8);
    expect(getTier('T999', 'PL-2024-09-01', LISTS).blockingAnomalyBusinessHours).toBe(4);
  });

  it('has limits that never shrink as the price grows (the covering-tier search relies on it)', () => {
    const tiers = PRICE_LIST_2024_09_01.tiers;
    for (let i = 1; i < tiers.length; i++) {
      expect(tiers[i]!.priceCents).toBeGreaterThan(tiers[i - 1]!.priceCents);
      for (const m of METRICS) expect(tiers[i]!.limits[m]).toBeGreaterThanOrEqual(tiers[i - 1]!.limits[m]);
    }
  });

  it('refuses unknown lists and tiers in French', () => {
    expect(() => getPriceList('PL-1999', LISTS)).toThrow(code('UNKNOWN_PRICE_LIST'));
    expect(() => getTier('T42', BUILT_IN_LIST.id, LISTS)).toThrow(code('UNKNOWN_TIER'));
    expect(() => getTier('T42', BUILT_IN_LIST.id, LISTS)).toThrow(/Formule inconnue : « T42 ».*T19, T49/);
  });

  it('finds the list in force at a date', () => {
    const later: PriceList = { ...PRICE_LIST_2024_09_01, id: 'PL-2027-01-01', effectiveFrom: '2027-01-01' };
    const lists = [later, PRICE_LIST_2024_09_01]; // order does not matter
    expect(priceListInForce('2024-09-01', LISTS).id).toBe('PL-2024-09-01');
    expect(priceListInForce('2026-12-31', lists).id).toBe('PL-2024-09-01');
    expect(priceListInForce('2027-01-01', lists).id).toBe('PL-2027-01-01');
    expect(priceListInForce('2030-05-05', [PRICE_LIST_2024_09_01, later]).id).toBe('PL-2027-01-01');
    expect(() => priceListInForce('2024-08-31', LISTS)).toThrow(/Aucune grille tarifaire n'est en vigueur le 31\/08\/2024/);
    expect(() => priceListInForce('2024-02-30', LISTS)).toThrow(code('INVALID_DATE'));
    expect(getTier('T99', 'PL-2027-01-01', lists).priceCents).toBe(9900);
  });
});

describe('usage against limits (§5.1, §6.1)', () => {
  it('is over only when strictly greater than the limit', () => {
    const t99 = getTier('T99', BUILT_IN_LIST.id, LISTS);
    expect(evaluateUsage(usage(1.5, 1, 10.001), t99)).toEqual([
      { metric: 'cpuHours', limit: 1.5, used: 1.5, percent: 100, over: false },
      { metric: 'databaseGB', limit: 1, used: 1, percent: 100, over: false },
      { metric: 'storageGB', limit: 10, used: 10.001, percent: 100, over: true },
    ]);
    expect(evaluateUsage(usage(0.75, 0.333, 2.5), t99).map((m) => m.percent)).toEqual([50, 33.3, 25]);
  });

  it('compares in thousandths: float noise at the limit is not an overrun', () => {
    const noisy = 0.1 * 3 * 5; // 1.5000000000000002 in binary floating point
    expect(noisy).not.toBe(1.5);
    expect(evaluateUsage(usage(noisy, 0, 0), getTier('T99', BUILT_IN_LIST.id, LISTS))[0]!.over).toBe(false);
    expect(toThousandths(noisy, 'cpuHours')).toBe(1500);
    expect(fitsWithin(usage(noisy, 1, 10), getTier('T99', BUILT_IN_LIST.id, LISTS).limits)).toBe(true);
  });

  it('refuses negative, NaN and infinite quantities', () => {
    for (const bad of [-0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => toThousandths(bad, 'storageGB')).toThrow(code('INVALID_NUMBER'));
    }
    expect(() => toThousandths('1' as unknown as number, 'cpuHours')).toThrow(/Consommation invalide pour CPU/);
  });

  it('writes quantities in French', () => {
    expect(formatQuantityFr(1.2, 'databaseGB')).toBe('1,2\u00a0Go');
    expect(formatQuantityFr(1.5, 'cpuHours')).toBe('1,5\u00a0h');
  });
});

describe('covering tier (§5.1)', () => {
  it('is the cheapest tier whose three limits cover the usage', () => {
    expect(coveringTier(usage(0, 0, 0), BUILT_IN_LIST.id, LISTS)).toBe('T19');
    expect(coveringTier(usage(0.5, 0.5, 1), BUILT_IN_LIST.id, LISTS)).toBe('T19');
    expect(coveringTier(usage(0.5, 0.6, 1), BUILT_IN_LIST.id, LISTS)).toBe('T49');
    expect(coveringTier(usage(1.2, 0.4, 3), BUILT_IN_LIST.id, LISTS)).toBe('T99');
    expect(coveringTier(usage(1, 1, 10.5), 'PL-2024-09-01', LISTS)).toBe('T199');
    expect(coveringTier(usage(2.5, 1, 5), BUILT_IN_LIST.id, LISTS)).toBe('T499');
    expect(coveringTier(usage(4, 1, 41), BUILT_IN_LIST.id, LISTS)).toBe('T999');
    expect(coveringTier(usage(6, 1, 100), BUILT_IN_LIST.id, LISTS)).toBe('T999');
  });

  it('is null hors grille', () => {
    expect(coveringTier(usage(0.1, 1.2, 1), BUILT_IN_LIST.id, LISTS)).toBeNull();
    expect(coveringTier(usage(6.001, 0, 0), BUILT_IN_LIST.id, LISTS)).toBeNull();
    expect(coveringTier(usage(1, 1, 100.5), BUILT_IN_LIST.id, LISTS)).toBeNull();
  });

  it('throws on an unknown list and on bad usage, even when another metric is already over', () => {
    expect(() => coveringTier(usage(1, 1, 1), 'PL-inconnue', LISTS)).toThrow(code('UNKNOWN_PRICE_LIST'));
    expect(() => coveringTier(usage(-1, 0, 0), BUILT_IN_LIST.id, LISTS)).toThrow(code('INVALID_NUMBER'));
    expect(() => coveringTier(usage(100, Number.NaN, 0), BUILT_IN_LIST.id, LISTS)).toThrow(code('INVALID_NUMBER'));
  });

  it('prefers the cheapest even in an unsorted list', () => {
    const reversed: PriceList = { ...PRICE_LIST_2024_09_01, tiers: [...PRICE_LIST_2024_09_01.tiers].reverse() };
    expect(findCoveringTier(usage(1.2, 0.4, 3), reversed)?.id).toBe('T99');
  });

  it('covers the usage and no cheaper tier does (property)', () => {
    const q = fc.integer({ min: 0, max: 7000 }).map((n) => n / 1000);
    fc.assert(
      fc.property(q, q.map((x) => x / 5), q.map((x) => x * 20), (cpu, db, storage) => {
        const u = usage(cpu, db, storage);
        const id = coveringTier(u, BUILT_IN_LIST.id, LISTS);
        const fitting = PRICE_LIST_2024_09_01.tiers.filter((t) => fitsWithin(u, t.limits));
        if (id === null) expect(fitting).toEqual([]);
        else {
          expect(fitsWithin(u, getTier(id, BUILT_IN_LIST.id, LISTS).limits)).toBe(true);
          expect(Math.min(...fitting.map((t) => t.priceCents))).toBe(getTier(id, BUILT_IN_LIST.id, LISTS).priceCents);
        }
      }),
    );
  });
});

describe('first month prorated (§1)', () => {
  it('T99 from 16 Nov 2026 → 15/30 days, 49,50 € (DOMAIN.md)', () => {
    expect(prorateFirstMonth(9900, '2026-11-16')).toEqual({ daysBilled: 15, daysInMonth: 30, amountCents: 4950 });
    const p = prorateFirstMonth(9900, '2026-11-16');
    expect(explainProration(9900, p)).toEqual({
      value: 4950,
      clause: '§1',
      rule: 'Premier mois au prorata : 99,00\u00a0€ × 15/30 jours = 49,50\u00a0€ (§1).',
    });
  });

  it('worked cases: leap Februaries, 31-day months, first and last day', () => {
    expect(prorateFirstMonth(9900, '2024-02-15')).toEqual({ daysBilled: 15, daysInMonth: 29, amountCents: 5121 }); // 51.206…
    expect(prorateFirstMonth(9900, '2026-02-15')).toEqual({ daysBilled: 14, daysInMonth: 28, amountCents: 4950 });
    expect(prorateFirstMonth(1900, '2028-02-29')).toEqual({ daysBilled: 1, daysInMonth: 29, amountCents: 66 }); // 65.5 → 66
    expect(prorateFirstMonth(19900, '2026-10-17')).toEqual({ daysBilled: 15, daysInMonth: 31, amountCents: 9629 }); // 96.290…
    expect(prorateFirstMonth(4900, '2026-12-01')).toEqual({ daysBilled: 31, daysInMonth: 31, amountCents: 4900 });
    expect(prorateFirstMonth(99900, '2026-12-31')).toEqual({ daysBilled: 1, daysInMonth: 31, amountCents: 3223 }); // 32.225… → 32.23
    expect(prorateFirstMonth(49900, '2026-04-30')).toEqual({ daysBilled: 1, daysInMonth: 30, amountCents: 1663 }); // 16.633…
    expect(prorateFirstMonth(0, '2026-04-30').amountCents).toBe(0);
  });

  it('refuses impossible dates and negative or fractional prices', () => {
    expect(() => prorateFirstMonth(9900, '2026-02-29')).toThrow(code('INVALID_DATE'));
    expect(() => prorateFirstMonth(9900, '2026-11-31')).toThrow(/Date impossible/);
    expect(() => prorateFirstMonth(-9900, '2026-11-16')).toThrow(code('INVALID_AMOUNT'));
    expect(() => prorateFirstMonth(99.5, '2026-11-16')).toThrow(code('INVALID_AMOUNT'));
  });

  const startDate = fc
    .record({ year: fc.integer({ min: 2024, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => {
      const d = Math.min(day, daysInMonth(year, month));
      return { date: `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`, day: d, days: daysInMonth(year, month) };
    });
  const price = fc.integer({ min: 0, max: 10_000_000 });

  it('never exceeds the monthly price, and bills the whole month from the 1st (property)', () => {
    fc.assert(
      fc.property(price, startDate, (p, { date, day, days }) => {
        const r = prorateFirstMonth(p, date);
        expect(r.daysBilled).toBe(days - day + 1);
        expect(r.amountCents).toBeGreaterThanOrEqual(0);
        expect(r.amountCents).toBeLessThanOrEqual(p);
        if (day === 1) expect(r.amountCents).toBe(p);
      }),
    );
  });

  // Invariant: the billed part (days d..end) and the unbilled part (days 1..d−1),
  // each rounded half away from zero, add up to the monthly price within one
  // cent: each rounding moves a value by at most half a cent.
  it('billed part + unbilled part = price ± 1 cent (property)', () => {
    fc.assert(
      fc.property(price, startDate, (p, { date, day, days }) => {
        const billed = prorateFirstMonth(p, date).amountCents;
        const unbilled = mulDivRound(p, day - 1, days);
        expect(Math.abs(billed + unbilled - p)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('over-consumption (§5.1, §6.1)', () => {
  const base = { tierId: 'T99', priceListId: 'PL-2024-09-01', contractStartDate: '2026-03-01' };

  it('a month within limits brings nothing', () => {
    const r = overConsumption({ lists: LISTS, ...base, month: '2026-10', usage: usage(1.5, 1, 10) });
    expect(r).toMatchObject({ over: false, horsGrille: false, coveringTierId: 'T99', supplement: null, proposedSwitch: null, flag: null });
  });

  it('a month over the limits: supplement on the next invoice and a switch from the 1st of the next month', () => {
    const r = overConsumption({ lists: LISTS, ...base, month: '2026-10', usage: usage(1.8, 0.9, 12) });
    expect(r.over).toBe(true);
    expect(r.coveringTierId).toBe('T199');
    expect(r.metrics.filter((m) => m.over).map((m) => m.metric)).toEqual(['cpuHours', 'storageGB']);
    expect(r.supplement).toMatchObject({
      label: 'Régularisation dépassement octobre 2026',
      amount: {
        value: 10000,
        clause: '§5.1',
        rule: 'Dépassement constaté en octobre 2026 : formule couvrante T199 199,00\u00a0€ − formule T99 99,00\u00a0€ = 100,00\u00a0€ HT (§5.1).',
      },
    });
    expect(r.proposedSwitch?.tierId).toBe('T199');
    expect(r.proposedSwitch?.from.value).toBe('2026-11-01');
    expect(r.proposedSwitch?.from.rule).toContain('01/11/2026');
    expect(r.flag).toBeNull();
  });

  it('the first, prorated month is regularised at the same proration', () => {
    const r = overConsumption({ lists: LISTS, ...base, contractStartDate: '2026-11-16', month: '2026-11', usage: usage(1, 1, 25) });
    expect(r.coveringTierId).toBe('T499');
    // T499 × 15/30 = 249,50 € − T99 × 15/30 = 49,50 €
    expect(r.supplement?.amount.value).toBe(20000);
    expect(r.supplement?.amount.rule).toContain('(premier mois, au prorata)');
    // 31-day month started on the 17th: 19900×15/31 = 9629 − 9900×15/31 = 4790 (each rounded like the base line)
    const oct = overConsumption({ lists: LISTS, ...base, contractStartDate: '2026-10-17', month: '2026-10', usage: usage(2, 1, 1) });
    expect(oct.supplement?.amount.value).toBe(9629 - 4790);
  });

  it('a contract started on the 1st has no proration in its first month', () => {
    const r = overConsumption({ lists: LISTS, ...base, contractStartDate: '2026-10-01', month: '2026-10', usage: usage(2, 1, 1) });
    expect(r.supplement?.amount.value).toBe(10000);
    expect(r.supplement?.amount.rule).not.toContain('prorata');
  });

  it('proposes no switch after the contract has ended', () => {
    const ended = overConsumption({ lists: LISTS, ...base, month: '2027-03', usage: usage(2, 1, 1), terminationEffectiveDate: '2027-03-31' });
    expect(ended.supplement?.amount.value).toBe(10000);
    expect(ended.proposedSwitch).toBeNull();
    const running = overConsumption({ lists: LISTS, ...base, month: '2027-02', usage: usage(2, 1, 1), terminationEffectiveDate: '2027-03-31' });
    expect(running.proposedSwitch?.from.value).toBe('2027-03-01');
  });

  it('hors grille: no supplement, no switch, a flag for the account manager', () => {
    const r = overConsumption({ lists: LISTS, ...base, month: '2026-10', usage: usage(1, 1.2, 5) });
    expect(r).toMatchObject({ over: true, horsGrille: true, coveringTierId: null, supplement: null, proposedSwitch: null });
    expect(r.flag).toBe(
      'Hors grille : aucune formule de la grille PL-2024-09-01 ne couvre la consommation de octobre 2026 (base de données 1,2\u00a0Go > 1\u00a0Go) ; un devis sur mesure est nécessaire (§5.1).',
    );
  });

  it('refuses a month before the start, an unknown tier or list, bad usage', () => {
    expect(() => overConsumption({ lists: LISTS, ...base, month: '2026-02', usage: usage(1, 1, 1) })).toThrow(code('INVALID_INPUT'));
    expect(() => overConsumption({ lists: LISTS, ...base, month: '2026-13', usage: usage(1, 1, 1) })).toThrow(code('INVALID_DATE'));
    expect(() => overConsumption({ lists: LISTS, ...base, tierId: 'T5', month: '2026-10', usage: usage(1, 1, 1) })).toThrow(code('UNKNOWN_TIER'));
    expect(() => overConsumption({ lists: LISTS, ...base, priceListId: 'X', month: '2026-10', usage: usage(1, 1, 1) })).toThrow(code('UNKNOWN_PRICE_LIST'));
    expect(() => overConsumption({ lists: LISTS, ...base, month: '2026-10', usage: usage(1, -1, 1) })).toThrow(code('INVALID_NUMBER'));
  });
});

describe('two stored price lists (issue 19)', () => {
  // A second list for this test only: every tier 10 € dearer, from 2027-01-01 (not a real DOKOS list).
  const list2027: PriceList = { id: 'PL-TEST-2027', effectiveFrom: '2027-01-01', tiers: BUILT_IN_LIST.tiers.map((t) => ({ ...t, priceCents: t.priceCents + 1000 })) };
  const stored = [BUILT_IN_LIST, list2027];

  it('a contract started after the 2027 list gets it and is billed its prices; an older one keeps its list', () => {
    expect(priceListInForce('2027-02-15', stored).id).toBe('PL-TEST-2027');
    expect(priceListInForce('2026-12-31', stored).id).toBe('PL-2024-09-01');
    expect(getTier('T99', 'PL-TEST-2027', stored).priceCents).toBe(10900);
    expect(getTier('T99', 'PL-2024-09-01', stored).priceCents).toBe(9900);
    const over = usage(1.8, 0.5, 5); // over T99's CPU limit, covered by T199
    const newer = overConsumption({ month: '2027-03', usage: over, tierId: 'T99', priceListId: 'PL-TEST-2027', lists: stored, contractStartDate: '2027-02-15' });
    const older = overConsumption({ month: '2027-03', usage: over, tierId: 'T99', priceListId: 'PL-2024-09-01', lists: stored, contractStartDate: '2025-02-15' });
    expect(newer.supplement?.amount.value).toBe(20900 - 10900);
    expect(older.supplement?.amount.value).toBe(19900 - 9900);
  });

  it('a list the store lacks is a French refusal, never the built-in list', () => {
    expect(() => getTier('T99', 'PL-TEST-2027', [BUILT_IN_LIST])).toThrow(/Grille tarifaire inconnue : « PL-TEST-2027 »/);
    expect(messageFr(contractPriceListProblem({ priceListId: 'PL-TEST-2027', startDate: '2027-02-01' }, [BUILT_IN_LIST])!)).toBe('Grille tarifaire inconnue : « PL-TEST-2027 ».');
    expect(messageFr(contractPriceListProblem({ priceListId: 'PL-2024-09-01', startDate: '2027-02-01' }, [])!)).toMatch(/Aucune grille tarifaire n'est enregistrée/);
  });
});
