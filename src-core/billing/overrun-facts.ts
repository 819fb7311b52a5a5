import type { IsoDate, YearMonth } from '../dates';
import { overLimitLines } from '../letters/tier-change-facts';
import { isBilledIn, type ContractTerms } from '../lifecycle/contract-state';
import { tierForMonth } from '../model/contract';
import { overConsumption, type OverConsumption } from '../pricing/over-consumption';
import { getPriceList, tierOf, type PriceLists } from '../pricing/price-lists';
import { fitsWithin } from '../pricing/usage';
import type { UsageMonth } from '../sync/usage-ingest';

/**
 * What a measured month over the limits of a contract comes to (§5.1, §6.1),
 * in the few plain fields a list shows and a tier-change notice states: kept
 * by the portfolio read model, so that the overrun figures read them instead
 * of judging usage again. Always computed by `termsMonthOverrun` (the rule).
 */
export interface OverrunFact {
  month: YearMonth;
  /** The cheapest tier that covers the month's usage; null = hors grille. */
  coveringTierId: string | null;
  /** The month's supplement HT (covering tier's price − the billed tier's, prorated like the base line); null hors grille. */
  supplementCents: number | null;
  /** The switch §5.1 proposes: the covering tier from the 1st of the following month; null hors grille. */
  proposedSwitch: { tierId: string; from: IsoDate } | null;
  /** Why a person must look (hors grille), in French. */
  flag: string | null;
  /** "Temps CPU : 1,8 h pour 1,5 h incluses" for each metric over, as the notice lists them. */
  overLimits: string[];
}

/**
 * The over-consumption of a contract (its terms) in a measured month, judged
 * against the tier billed then; null when the month is not measured, not
 * billed, or within the limits.
 */
export function termsMonthOverrun(terms: ContractTerms, measured: UsageMonth | undefined, month: YearMonth, lists: PriceLists): OverConsumption | null {
  if (!measured || !isBilledIn(terms, month)) return null;
  const tierId = tierForMonth(terms, month);
  // Most months are within the billed tier's limits: judged at once, without looking for a covering tier nor wording a supplement
  // (the portfolio's read model judges the last months of every contract).
  if (fitsWithin(measured, tierOf(getPriceList(terms.priceListId, lists), tierId).limits)) return null;
  const result = overConsumption({
    month,
    usage: measured,
    tierId,
    priceListId: terms.priceListId,
    lists,
    contractStartDate: terms.startDate,
    ...(terms.end ? { terminationEffectiveDate: terms.end.value } : {}),
  });
  return result.over ? result : null;
}

export function overrunFactOf(over: OverConsumption): OverrunFact {
  return {
    month: over.month,
    coveringTierId: over.coveringTierId,
    supplementCents: over.supplement?.amount.value ?? null,
    proposedSwitch: over.proposedSwitch ? { tierId: over.proposedSwitch.tierId, from: over.proposedSwitch.from.value } : null,
    flag: over.flag,
    overLimits: overLimitLines(over),
  };
}

/** The facts of every month of `months` over the limits of the tier billed then (months not billed are left out), oldest first. */
export function overrunFacts(terms: ContractTerms, months: readonly UsageMonth[], lists: PriceLists): OverrunFact[] {
  return months.flatMap((m) => {
    const over = termsMonthOverrun(terms, m, m.month, lists);
    return over ? [overrunFactOf(over)] : [];
  });
}
