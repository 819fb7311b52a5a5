import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, addMonthsToYearMonth, contractEnd, contractMonthDraft, contractStateAt, contractStatusOn, contractTerms, generateDemoPortfolio, isBilledIn, mrrForecast,
  overConsumption, priceInForce, recurringAt, regularisedMonths, termsMonthOverrun, tierForMonth, withUsageMonth, yearMonthOf, type Contract, type ContractHistoryEntry, type UsageDocument,
} from '../../src-core';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop reads it. */
const LISTS = [BUILT_IN_LIST];

const { clients, contracts } = generateDemoPortfolio({ seed: 7, clients: 10 });
const client = clients[0]!;
const AT = '2026-11-02T10:00:00+01:00';

function contract(overrides: Partial<Contract> = {}): Contract {
  const base: Contract = { ...contracts.find((c) => c.clientId === client.id)!, tier: 'T199', startDate: '2025-03-01', status: 'active', history: [] };
  delete base.terminationEffectiveDate;
  delete base.terminationNotice;
  return { ...base, ...overrides };
}

const priceChange = (from: string, priceCents: number, letterId = 'L-price', at = AT): ContractHistoryEntry => ({
  kind: 'price_change', at, actor: 'test', from, tier: 'T199', priceCents, receivedOn: '2026-12-05', objectionDeadline: '2027-01-05', letterId,
});

describe('contract state at a date', () => {
  it('a termination that took effect on 30/11/2026 shows "Résilié" on 04/12/2026, out of MRR and of January’s run', () => {
    const c = contract({ status: 'notice_received', terminationNotice: { receivedOn: '2026-10-15', channel: 'email' }, terminationEffectiveDate: '2026-11-30' });
    const terms = contractTerms(c);
    expect(contractStateAt(terms, '2026-11-30').status).toBe('notice_received');
    const state = contractStateAt(terms, '2026-12-04');
    expect(state.status).toBe('terminated');
    expect(state.rule).toContain('Résilié depuis le 01/12/2026');
    expect(state.end?.cause).toBe('client_notice');
    expect(recurringAt(terms, '2026-12-04', LISTS)).toBeNull();
    expect(recurringAt(terms, '2026-11-15', LISTS)?.price.value).toBe(19900);
    expect(contractMonthDraft(c, client, undefined, '2027-01', LISTS)).toBeNull();
    expect(contractMonthDraft(c, client, undefined, '2026-11', LISTS)?.totals.netCents).toBe(19900);
  });

  it('the earliest termination wins, with its cause and rule; a later entry of the same letter replaces the presumed date', () => {
    const c = contract({
      terminationNotice: { receivedOn: '2026-10-15', channel: 'email' },
      history: [
        { kind: 'termination', at: AT, actor: 't', cause: 'non_payment', noticeDate: '2026-11-10', effectiveDate: '2026-11-10', rule: 'Réception présumée', letterId: 'L1' },
        { kind: 'termination', at: '2026-11-12T10:00:00+01:00', actor: 't', cause: 'non_payment', noticeDate: '2026-11-12', effectiveDate: '2026-11-12', rule: 'Réception de la lettre', letterId: 'L1' },
      ],
    });
    const end = contractEnd(c)!;
    expect(end).toMatchObject({ value: '2026-11-12', cause: 'non_payment', rule: 'Réception de la lettre', letterId: 'L1' });
    expect(contractStateAt(contractTerms(c), '2026-11-13').status).toBe('terminated');
  });

  it('a received price change reprices from its effective month, at the tier it names', () => {
    const c = contract({ history: [priceChange('2027-03-01', 21900)] });
    const terms = contractTerms(c);
    expect(priceInForce(terms, '2027-02', LISTS).price.value).toBe(19900);
    const march = priceInForce(terms, '2027-03', LISTS);
    expect(march.price.value).toBe(21900);
    expect(march.price.rule).toContain('§5.2');
    expect(contractMonthDraft(c, client, undefined, '2027-03', LISTS)?.lines[0]?.netCents).toBe(21900);
    // After a tier change the list price of the new tier applies again.
    const moved = contract({ history: [priceChange('2027-03-01', 21900), { kind: 'tier_change', at: AT, actor: 't', fromMonth: '2027-05', fromTier: 'T199', toTier: 'T499' }], tier: 'T499' });
    expect(priceInForce(contractTerms(moved), '2027-05', LISTS).price.value).toBe(49900);
  });

  it('the MRR forecast counts each month at its price in force and explains what moved it', () => {
    const ending = contractTerms(contract({ status: 'notice_received', terminationNotice: { receivedOn: '2026-12-15', channel: 'email' }, terminationEffectiveDate: '2027-01-31' }));
    const repriced = contractTerms(contract({ history: [priceChange('2027-03-01', 21900)] }));
    const forecast = mrrForecast([ending, repriced], LISTS, '2026-12-04', 12);
    expect(forecast).toHaveLength(13);
    expect(forecast.map((m) => m.mrr.value).slice(0, 4)).toEqual([39800, 39800, 19900, 21900]);
    expect(forecast[2]!.ended).toEqual({ count: 1, cents: -19900 });
    expect(forecast[2]!.mrr.rule).toContain('1 résiliation effective');
    expect(forecast[3]!.repriced).toEqual({ count: 1, cents: 2000 });
    expect(forecast[3]!.asOf).toBe('2027-03-01');
  });

  it('regularises every past overrun not yet regularised, one supplement line per month', () => {
    const c = contract({ tier: 'T49', startDate: '2026-06-01' });
    let months = withUsageMonth([], { month: '2026-08', cpuHours: 1.2, databaseGB: 0.5, storageGB: 1 });
    months = withUsageMonth(months, { month: '2026-09', cpuHours: 1.2, databaseGB: 0.5, storageGB: 1 });
    months = withUsageMonth(months, { month: '2026-10', cpuHours: 1.6, databaseGB: 0.5, storageGB: 1 });
    months = withUsageMonth(months, { month: '2026-11', cpuHours: 0.5, databaseGB: 0.5, storageGB: 1 });
    const usage = { id: c.id, contractId: c.id, clientId: client.id, months, version: 0 } as UsageDocument;
    // No invoice held: the three months before the run (September … November).
    const draft = contractMonthDraft(c, client, usage, '2026-12', LISTS, undefined, { regularised: new Set() })!;
    expect(draft.lines.map((l) => l.label)).toEqual([expect.stringContaining('décembre 2026'), 'Régularisation dépassement septembre 2026', 'Régularisation dépassement octobre 2026']);
    expect(draft.lines.map((l) => l.netCents)).toEqual([4900, 5000, 15000]);
    // September already on a stored invoice; the history starts in July: August is owed too.
    const done = regularisedMonths([{ lines: draft.lines.slice(1, 2) }], ['2026-08', '2026-09', '2026-10']);
    expect([...done]).toEqual(['2026-09']);
    const again = contractMonthDraft(c, client, usage, '2026-12', LISTS, undefined, { regularised: done, firstInvoicedMonth: '2026-07' })!;
    expect(again.lines.map((l) => l.label).slice(1)).toEqual(['Régularisation dépassement août 2026', 'Régularisation dépassement octobre 2026']);
  });
});

describe('contract state properties', () => {
  const day = fc.integer({ min: 0, max: 1200 }).map((n) => addDays('2025-01-01', n));

  it('a month is judged over the limits as the whole over-consumption rule judges it, every month of a portfolio', () => {
    const portfolio = generateDemoPortfolio({ seed: 22, clients: 300 });
    const terms = new Map(portfolio.contracts.map((c) => [c.id, contractTerms(c)]));
    let over = 0;
    for (const doc of portfolio.usage) {
      const t = terms.get(doc.contractId)!;
      for (const m of doc.months) {
        const whole = overConsumption({ month: m.month, usage: m, tierId: tierForMonth(t, m.month), priceListId: t.priceListId, lists: LISTS, contractStartDate: t.startDate, ...(t.end ? { terminationEffectiveDate: t.end.value } : {}) });
        const judged = termsMonthOverrun(t, m, m.month, LISTS);
        expect(judged).toEqual(isBilledIn(t, m.month) && whole.over ? whole : null);
        if (judged) over++;
      }
    }
    // The demo's "over" and "hors grille" contracts: both verdicts met.
    expect(over).toBeGreaterThan(20);
  });

  it('the status alone (the clients list reads it for every contract) is the status of the state with its sentence, on any day', () => {
    const { contracts: portfolio } = generateDemoPortfolio({ seed: 21, clients: 300 });
    const terms = portfolio.map(contractTerms);
    // The demo's fates (notice, termination, suspension) and drafts besides: every branch of the state.
    const drafts = terms.slice(0, 20).map((t) => ({ ...t, status: 'draft' as const }));
    fc.assert(
      fc.property(fc.constantFrom(...terms, ...drafts), day, (t, date) => {
        expect(contractStatusOn(t, date)).toBe(contractStateAt(t, date).status);
      }),
      { numRuns: 2000 },
    );
  });

  it('a terminated contract is never billed after the month of its end date, and is "Résilié" on every later day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 60 }), (start, length, after, later) => {
        const receivedOn = addDays(start, length);
        const c = contract({ startDate: start, status: 'notice_received', terminationNotice: { receivedOn, channel: 'registered_letter' }, history: [] });
        const terms = contractTerms(c);
        const end = terms.end!.value;
        const month = addMonthsToYearMonth(yearMonthOf(end), after);
        expect(isBilledIn(terms, month)).toBe(false);
        expect(contractMonthDraft(c, client, undefined, month, LISTS)).toBeNull();
        expect(contractStateAt(terms, addDays(end, later)).status).toBe('terminated');
        expect(recurringAt(terms, addDays(end, later), LISTS)).toBeNull();
        expect(isBilledIn(terms, yearMonthOf(end))).toBe(true);
      }),
    );
  });

  it('the price in force is the last version effective on the month’s first day', () => {
    const version = fc.record({ month: fc.integer({ min: 0, max: 30 }), price: fc.integer({ min: 100, max: 200_000 }) });
    fc.assert(
      fc.property(fc.array(version, { maxLength: 6 }), fc.integer({ min: 0, max: 36 }), (versions, probe) => {
        const history = versions.map((v, i) => priceChange(`${addMonthsToYearMonth('2025-04', v.month)}-01`, v.price, `L${i}`, `2026-11-0${(i % 9) + 1}T10:00:00+01:00`));
        const terms = contractTerms(contract({ history }));
        const month = addMonthsToYearMonth('2025-03', probe);
        const effective = versions.map((v, i) => ({ ...v, i, from: addMonthsToYearMonth('2025-04', v.month) })).filter((v) => v.from <= month);
        // Same effective month: the one sorted last (stable sort keeps insertion order) wins.
        const last = effective.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.i - b.i)).at(-1);
        expect(priceInForce(terms, month, LISTS).price.value).toBe(last ? last.price : 19900);
      }),
    );
  });
});
