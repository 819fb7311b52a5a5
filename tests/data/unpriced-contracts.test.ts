import { describe, expect, it } from 'vitest';
import { mrrForecast, PRICE_LIST_2024_09_01, type Contract } from '../../src-core';
import { bulkLoad, hasPriceList, readPortfolio, runningAt, unpricedAt } from '../../src-renderer/data';
import { summarizePortfolio } from '../../src-renderer/features/dashboard/portfolio-summary';
import { buildClientRows } from '../../src-renderer/features/clients/client-rows';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';

/** The laptop's stored lists: the built-in one only; the server has a newer one this laptop has not received. */
const LISTS = [PRICE_LIST_2024_09_01];
const MISSING = 'PL-2027-01-01';
const TODAY = '2026-11-27';

/**
 * A contract whose price list is not on the laptop yet (pulled before its
 * list, issue 19) neither stops the dashboard nor the clients list: what can
 * be counted is (the other contracts' MRR, its tier), what cannot is said.
 */
describe('a contract on a price list this laptop has not received', () => {
  it('is counted per tier and left out of the MRR, which the dashboard and the list say, instead of throwing', async () => {
    const data = await openTestData();
    const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
    const priced = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00001', tier: 'T49', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-06-01' }, ACTOR);
    // The server's contract on a newer list, stored as a pull stores it (the list comes later).
    const pulled: Contract = { ...priced, id: 'contrat-grille-absente', reference: 'CT-2026-00002', tier: 'T99', priceListId: MISSING, version: 3 };
    await bulkLoad(data.db, 'contracts', [pulled]);

    const summaries = await readPortfolio(data.db);
    expect(summaries).toHaveLength(1);
    const summary = summaries[0]!;
    expect(runningAt(summary, TODAY, LISTS).map((r) => r.contract.id)).toEqual([priced.id]);
    expect(unpricedAt(summary, TODAY, LISTS)).toEqual([{ contract: expect.objectContaining({ id: pulled.id }), tier: 'T99' }]);

    const dashboard = summarizePortfolio(summaries, TODAY, LISTS);
    expect(dashboard.mrrCents).toBe(4900);
    expect(dashboard.runningContracts).toBe(1);
    expect(dashboard.unpriced).toEqual({ contracts: 1, lists: [MISSING] });
    expect(dashboard.clientsPerTier).toMatchObject({ T49: 1, T99: 1 });

    const [row] = buildClientRows(summaries, TODAY, dashboard.overMonth, LISTS);
    expect(row!.tiers).toEqual(['T49', 'T99']);
    expect(row!.unpriced).toEqual([MISSING]);

    // The forecast reads the contracts whose list is here; with the other one it cannot be computed.
    const contracts = summaries.flatMap((s) => s.contracts);
    expect(() => mrrForecast(contracts, LISTS, TODAY, 12)).toThrow(/Grille tarifaire inconnue/);
    expect(mrrForecast(contracts.filter((c) => hasPriceList(c, LISTS)), LISTS, TODAY, 12)[0]!.mrr.value).toBe(4900);
  });
});
