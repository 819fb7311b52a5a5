import { describe, expect, it } from 'vitest';
import {
  DEMO_TODAY,
  entitySchemas,
  findCoveringTier,
  demoPortfolioParts,
  generateDemoPortfolio,
  getTier,
  isEuMemberState,
  PRICE_LIST_2024_09_01,
  SeededRandom,
  terminationEffectiveDate,
  TIER_CODES,
  tierForMonth,
  type DemoPortfolio,
} from '../../src-core';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop reads it. */
const LISTS = [BUILT_IN_LIST];

const over = (u: { cpuHours: number; databaseGB: number; storageGB: number }, tierId: string) => {
  const { limits } = getTier(tierId, BUILT_IN_LIST.id, LISTS);
  return u.cpuHours > limits.cpuHours || u.databaseGB > limits.databaseGB || u.storageGB > limits.storageGB;
};

function checkValid(p: DemoPortfolio): void {
  for (const c of p.clients) entitySchemas.clients.parse(c);
  for (const c of p.contracts) entitySchemas.contracts.parse(c);
  for (const u of p.usage) entitySchemas.usage.parse(u);
  for (const l of p.priceLists) entitySchemas.priceLists.parse(l);
}

describe('demo portfolio', () => {
  const big = generateDemoPortfolio({ seed: 42, clients: 2000 });

  it('comes a part at a time as the same records, in the same order (the demo loader stores one part while it makes the next)', () => {
    const parts = [...demoPortfolioParts({ seed: 42, clients: 2000 }, 300)];
    expect(parts.map((p) => p.clients.length)).toEqual([300, 300, 300, 300, 300, 300, 200]);
    expect({ clients: parts.flatMap((p) => p.clients), contracts: parts.flatMap((p) => p.contracts), usage: parts.flatMap((p) => p.usage), priceLists: big.priceLists }).toEqual(big);
    expect(() => demoPortfolioParts({ seed: 42, clients: 0 }, 300)).toThrow(/Taille de portefeuille invalide/);
  });

  it('is deterministic: same seed, same portfolio; another seed, another one', () => {
    expect(generateDemoPortfolio({ seed: 7, clients: 200 })).toEqual(generateDemoPortfolio({ seed: 7, clients: 200 }));
    expect(generateDemoPortfolio({ seed: 8, clients: 200 }).clients[0]).not.toEqual(generateDemoPortfolio({ seed: 7, clients: 200 }).clients[0]);
  });

  it('every record passes the model schemas', () => {
    checkValid(big);
    checkValid(generateDemoPortfolio({ seed: 3, clients: 10, today: '2024-09-15' }));
  });

  it('has unique ids, SIRENs and names, and consistent references', () => {
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    expect(unique(big.clients.map((c) => c.id))).toBe(true);
    expect(unique(big.clients.map((c) => c.legalName))).toBe(true);
    expect(unique(big.clients.filter((c) => c.siren).map((c) => c.siren))).toBe(true);
    expect(unique(big.contracts.map((c) => c.id))).toBe(true);
    const clientIds = new Set(big.clients.map((c) => c.id));
    expect(big.contracts.every((c) => clientIds.has(c.clientId))).toBe(true);
    expect(big.usage.map((u) => u.id)).toEqual(big.contracts.map((c) => c.id));
    expect(big.contracts.length).toBeGreaterThan(big.clients.length);
  });

  it('even 10 clients show every tier, overruns, hors grille, notice, termination, EU and non-EU', () => {
    const small = generateDemoPortfolio({ seed: 1, clients: 10 });
    expect(new Set(small.contracts.map((c) => c.tier))).toEqual(new Set(TIER_CODES));
    const statuses = new Set(small.contracts.map((c) => c.status));
    expect(statuses.has('notice_received') && statuses.has('terminated') && statuses.has('active')).toBe(true);
    const countries = small.clients.map((c) => c.country);
    expect(countries.some((c) => c !== 'FR' && isEuMemberState(c))).toBe(true);
    expect(countries.some((c) => !isEuMemberState(c))).toBe(true);
    expect(small.clients.some((c) => isEuMemberState(c.country) && c.country !== 'FR' && !c.vatNumber)).toBe(true);
    const months = small.usage.flatMap((u) => u.months.map((m) => ({ ...m, tier: small.contracts.find((c) => c.id === u.contractId)!.tier })));
    expect(months.some((m) => over(m, m.tier) && findCoveringTier(m, PRICE_LIST_2024_09_01))).toBe(true);
    expect(months.some((m) => m.databaseGB > 1 && findCoveringTier(m, PRICE_LIST_2024_09_01) === null)).toBe(true);
  });

  it('has realistic variety at scale', () => {
    const share = (n: number) => n / big.clients.length;
    const fr = big.clients.filter((c) => c.country === 'FR');
    expect(share(fr.length)).toBeGreaterThan(0.7);
    expect(fr.every((c) => c.siren && /^\d{5}$/.test(c.billingAddress.postalCode))).toBe(true);
    expect(big.clients.some((c) => c.country === 'GR' && c.vatNumber?.startsWith('EL'))).toBe(true);
    expect(big.clients.some((c) => c.partner)).toBe(true);
    expect(new Set(big.clients.map((c) => c.hostingMode))).toEqual(new Set(['cloud', 'self_hosted']));
    expect(big.contracts.some((c) => c.startDate.slice(8) !== '01')).toBe(true);
    expect(big.contracts.some((c) => c.status === 'suspended')).toBe(true);
    const overMonths = big.usage.filter((u) => u.months.some((m) => over(m, big.contracts.find((c) => c.id === u.contractId)!.tier)));
    expect(overMonths.length / big.contracts.length).toBeGreaterThan(0.05);
    expect(overMonths.length / big.contracts.length).toBeLessThan(0.3);
  });

  it('dates follow the rules: starts since 2024-09, notices end on the last day of the next month', () => {
    for (const c of big.contracts) {
      expect(c.startDate >= '2024-09-01' && c.startDate <= DEMO_TODAY).toBe(true);
      if (c.terminationNotice) {
        expect(c.terminationEffectiveDate).toBe(terminationEffectiveDate(c.terminationNotice.receivedOn));
        expect(c.terminationNotice.receivedOn >= c.startDate).toBe(true);
        expect(c.status === 'terminated').toBe(c.terminationEffectiveDate! < DEMO_TODAY);
      }
      expect(tierForMonth(c, '2026-11')).toBe(c.tier);
    }
  });

  it('usage: months since the start, up to today or the termination, 36 at most, sorted', () => {
    const long = generateDemoPortfolio({ seed: 5, clients: 300, today: '2028-06-30' });
    for (const [i, u] of big.usage.entries()) {
      const c = big.contracts[i]!;
      expect(u.months[0]!.month).toBe(c.startDate.slice(0, 7));
      const end = c.status === 'terminated' ? c.terminationEffectiveDate!.slice(0, 7) : '2026-11';
      expect(u.months[u.months.length - 1]!.month).toBe(end);
    }
    expect(Math.max(...long.usage.map((u) => u.months.length))).toBe(36);
  });

  it('refuses impossible options', () => {
    expect(() => generateDemoPortfolio({ seed: 1, clients: 0 })).toThrow(/Taille de portefeuille invalide/);
    expect(() => generateDemoPortfolio({ seed: 1, clients: 1.5 })).toThrow(/Taille/);
    expect(() => generateDemoPortfolio({ seed: Number.NaN, clients: 10 })).toThrow(/Graine invalide/);
    expect(() => generateDemoPortfolio({ seed: 1, clients: 10, today: '2024-08-31' })).toThrow(/précède la première grille/);
  });

  // Its speed is the bench's (the demo load), never a timed assertion here.
  it('generates 10,000 clients with the two EU clients lacking a VAT number', { timeout: 60_000 }, () => {
    const p = generateDemoPortfolio({ seed: 42, clients: 10_000 });
    expect(p.clients).toHaveLength(10_000);
    expect(p.clients.filter((c) => isEuMemberState(c.country) && c.country !== 'FR' && !c.vatNumber)).toHaveLength(2);
  });
});

describe('seeded random', () => {
  it('is uniform enough and reproducible', () => {
    const a = new SeededRandom(99);
    const b = new SeededRandom(99);
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('weighted picks follow their weights and never pick a zero weight', () => {
    const rng = new SeededRandom(1);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 3000; i++) counts[rng.weighted({ a: 1, b: 2, c: 0 })]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(1.6);
  });
});
