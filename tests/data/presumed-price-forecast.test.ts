import { describe, expect, it } from 'vitest';
import { mrrForecast, PRICE_LIST_2024_09_01 } from '../../src-core';
import { createDataContext, readPortfolio, readPresumedPriceChanges } from '../../src-renderer/data';
import { advanceLetter, createDraftLetter } from '../../src-renderer/data/letters-flow';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop is seeded. */
const LISTS = [BUILT_IN_LIST];

describe('price change notices in the MRR forecast', () => {
  it('a notice sent without a known receipt counts from its presumed receipt; once received, from the contract itself', async () => {
    const data = await openTestData();
    const ctx = createDataContext(data.db, 'device-test', { now: () => '2026-12-09T10:00:00+01:00', newId: data.ctx.newId });
    const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
    const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00001', tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2026-03-16' }, ACTOR);
    const params = { contract: { reference: 'CT-2026-00001', label: 'Hébergement Dokos T99' }, letterDate: '2026-12-02', reason: 'la hausse du coût de l’énergie', prices: [{ label: 'Formule T99', currentCents: 9900, newCents: 10900 }] };
    const letter = await createDraftLetter(ctx, { kind: 'priceChange', clientId: client.id, contractId: contract.id, params }, ACTOR);
    expect((await readPresumedPriceChanges(ctx)).size).toBe(0); // a draft is not sent
    await advanceLetter(ctx, letter.id, { type: 'print' }, ACTOR);
    await advanceLetter(ctx, letter.id, { type: 'send', sentOn: '2026-12-02', registeredNumber: '1A 123 456 7890 1' }, ACTOR);

    // Sent 02/12/2026, presumed received 05/12/2026: new prices on the 1st of a month on or after 03/02/2027.
    const presumed = await readPresumedPriceChanges(ctx);
    expect(presumed.get(contract.id)).toMatchObject([{ from: '2027-03-01', tier: 'T99', value: 10900, receivedOn: '2026-12-05', sentOn: '2026-12-02', letterId: letter.id }]);
    const contracts = (await readPortfolio(data.db)).flatMap((s) => s.contracts);
    const forecast = mrrForecast(contracts, LISTS, '2026-12-04', 12, { presumedPrices: presumed });
    expect(forecast.map((m) => [m.month, m.mrr.value]).slice(2, 4)).toEqual([['2027-02', 9900], ['2027-03', 10900]]);
    expect(forecast[3]!.mrr.rule).toContain('réception est présumée');

    // The receipt recorded: the contract carries the price, nothing is presumed any more.
    await advanceLetter(ctx, letter.id, { type: 'receive', receivedOn: '2026-12-08' }, ACTOR);
    expect((await readPresumedPriceChanges(ctx)).size).toBe(0);
    const after = mrrForecast((await readPortfolio(data.db)).flatMap((s) => s.contracts), LISTS, '2026-12-04', 12);
    expect(after[3]!.mrr.value).toBe(10900);
    expect(after[3]!.presumed).toBe(0);
  });
});
