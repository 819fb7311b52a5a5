import { describe, expect, it } from 'vitest';
import { buyerSnapshot, contractMonthDraft, generateDemoPortfolio, withUsageMonth, type Contract, type UsageDocument } from '../../src-core';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop reads it. */
const LISTS = [BUILT_IN_LIST];

const { clients, contracts } = generateDemoPortfolio({ seed: 7, clients: 10 });
const client = clients[0]!;
const contract: Contract = { ...contracts.find((c) => c.clientId === client.id)!, tier: 'T49', startDate: '2026-09-16', status: 'active', history: [] };
delete contract.terminationEffectiveDate;
delete contract.terminationNotice;

describe('contractMonthDraft', () => {
  it('prorates the first month and bills nothing before the start', () => {
    expect(contractMonthDraft(contract, client, undefined, '2026-08', LISTS)).toBeNull();
    const first = contractMonthDraft(contract, client, undefined, '2026-09', LISTS)!;
    expect(first.totals.netCents).toBe(2450); // 49 € × 15/30
  });

  it('adds the previous month’s overrun, measured against the tier of that month', () => {
    const months = withUsageMonth([], { month: '2026-10', cpuHours: 1.2, databaseGB: 0.5, storageGB: 1 });
    const usage = { id: contract.id, contractId: contract.id, clientId: client.id, months, version: 0 } as UsageDocument;
    const draft = contractMonthDraft(contract, client, usage, '2026-11', LISTS)!;
    expect(draft.lines.map((l) => l.netCents)).toEqual([4900, 5000]); // T49, then T99 − T49 for October
  });
});

describe('buyerSnapshot', () => {
  it('keeps the legal identity and the billing address of the day', () => {
    expect(buyerSnapshot(client)).toMatchObject({
      legalName: client.legalName,
      country: client.country,
      addressLines: client.billingAddress.lines,
      postalCode: client.billingAddress.postalCode,
      city: client.billingAddress.city,
    });
  });
});
