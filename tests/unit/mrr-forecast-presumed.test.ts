import { describe, expect, it } from 'vitest';
import { contractTerms, generateDemoPortfolio, mrrForecast, presumedPriceVersion, type Contract } from '../../src-core';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop reads it. */
const LISTS = [BUILT_IN_LIST];

const { contracts } = generateDemoPortfolio({ seed: 7, clients: 3 });

function contract(id: string): Contract {
  const base: Contract = { ...contracts[0]!, id, tier: 'T199', startDate: '2025-03-01', status: 'active', history: [] };
  delete base.terminationEffectiveDate;
  delete base.terminationNotice;
  return base;
}

// A notice sent on 02/12/2026, receipt unknown: presumed on 05/12/2026 (+3 days), new prices from 01/03/2027 (§5.2).
const presumed = presumedPriceVersion({ from: '2027-03-01', tier: 'T199', priceCents: 21900, receivedOn: '2026-12-05', objectionDeadline: '2027-01-05', letterId: 'L-1' }, '2026-12-02');

describe('MRR forecast with price change notices whose receipt is presumed', () => {
  it('counts the new price from the date the presumed receipt gives, and says it is presumed', () => {
    const terms = { ...contractTerms(contract('k-1')), id: 'k-1' };
    const other = { ...contractTerms(contract('k-2')), id: 'k-2' };
    const forecast = mrrForecast([terms, other], LISTS, '2026-12-04', 12, { presumedPrices: new Map([['k-1', [presumed]]]) });
    expect(forecast.map((m) => m.mrr.value).slice(0, 5)).toEqual([39800, 39800, 39800, 41800, 41800]);
    expect(forecast[3]!.repriced).toEqual({ count: 1, cents: 2000 });
    expect(forecast[3]!.presumed).toBe(1);
    expect(forecast[3]!.mrr.rule).toContain('1 nouveau prix (+20,00\u00a0€, dont 1 d’après un avis dont la réception est présumée');
    expect(presumed.rule).toBe('Nouveau prix de la formule T199 : 219,00\u00a0€ HT à compter du 01/03/2027, avis de modification envoyé le 02/12/2026, réception présumée le 05/12/2026 (envoi + délai de réception présumée, tant que l’avis de réception n’est pas connu), sans opposition au plus tard le 05/01/2027 (§5.2).');
    // Without the presumed notices, the forecast does not move.
    expect(mrrForecast([terms, other], LISTS, '2026-12-04', 12).map((m) => m.mrr.value)[3]).toBe(39800);
  });

  it('does not count a notice twice once the contract carries its price (receipt recorded)', () => {
    const received = contract('k-1');
    received.history = [{ kind: 'price_change', at: '2026-12-10T10:00:00+01:00', actor: 't', from: '2027-03-01', tier: 'T199', priceCents: 22900, receivedOn: '2026-12-08', objectionDeadline: '2027-01-07', letterId: 'L-1' }];
    const forecast = mrrForecast([{ ...contractTerms(received), id: 'k-1' }], LISTS, '2026-12-04', 12, { presumedPrices: new Map([['k-1', [presumed]]]) });
    expect(forecast[3]!.mrr.value).toBe(22900);
    expect(forecast[3]!.presumed).toBe(0);
  });
});
