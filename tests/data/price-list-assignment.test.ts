import { describe, expect, it } from 'vitest';
import { demoPriceListRecord, ValidationError, type PriceListRecord } from '../../src-core';
import { planMonthlyRun } from '../../src-renderer/data/invoicing';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';
import { storedPriceLists } from '../../src-renderer/data/price-lists';

// A second stored list, for this test only (not a real DOKOS list): every tier 10 € dearer from 2027-01-01.
function list2027(): PriceListRecord {
  const base = demoPriceListRecord();
  return { ...base, id: 'PL-TEST-2027', label: 'Grille de test 2027', effectiveFrom: '2027-01-01', tiers: base.tiers.map((t) => ({ ...t, priceCents: t.priceCents + 1000 })) };
}

describe('a new contract gets the stored list in force at its start (issue 19)', () => {
  it('an empty laptop stores no list and reads the built-in one, without writing it (the reconciliation would see a list the server lacks)', async () => {
    const { db } = await openTestData();
    expect(await db.priceLists.count()).toBe(0);
    expect((await storedPriceLists(db)).map((l) => l.id)).toEqual(['PL-2024-09-01']);
  });

  it('assigns the 2027 list to a contract starting after it and bills its prices; an earlier contract keeps the 2024 list', async () => {
    const data = await openTestData();
    // Both lists synced from the server (a store holding any list no longer reads the built-in one).
    await data.db.priceLists.bulkPut([demoPriceListRecord(), list2027()]);
    const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
    const late = await data.commands.contracts.create({ clientId: client.id, tier: 'T99', startDate: '2027-02-01' }, ACTOR);
    const early = await data.commands.contracts.create({ clientId: client.id, tier: 'T99', startDate: '2026-03-01' }, ACTOR);
    expect(late.priceListId).toBe('PL-TEST-2027');
    expect(early.priceListId).toBe('PL-2024-09-01');
    const run = await planMonthlyRun(data.ctx, '2027-03');
    const billed = new Map(run.items.map((i) => [i.contract.id, i.draft.lines[0]!.netCents]));
    expect(billed.get(late.id)).toBe(10900);
    expect(billed.get(early.id)).toBe(9900);
  });

  it('refuses a start before the first stored list and a list the laptop does not hold, writing nothing', async () => {
    const data = await openTestData();
    const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
    await expect(data.commands.contracts.create({ clientId: client.id, tier: 'T99', startDate: '2024-08-31' }, ACTOR)).rejects.toThrow(/avant la première grille tarifaire \(01\/09\/2024\)/);
    const unknown = data.commands.contracts.create({ clientId: client.id, tier: 'T99', priceListId: 'PL-TEST-2027', startDate: '2027-02-01' }, ACTOR);
    await expect(unknown).rejects.toBeInstanceOf(ValidationError);
    await expect(unknown).rejects.toThrow(/Grille tarifaire inconnue : « PL-TEST-2027 »/);
    expect(await data.db.contracts.toArray()).toEqual([]);
  });
});
