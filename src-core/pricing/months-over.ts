import type { YearMonth } from '../dates';
import { tierForMonth, type Contract } from '../model/contract';
import type { UsageMonth } from '../sync/usage-ingest';
import { findCoveringTier } from './covering-tier';
import { getPriceList, tierOf, type PriceLists } from './price-lists';
import { evaluateUsage } from './usage';

/** A measured month whose usage exceeds a limit of the tier billed that month. */
export interface MonthOverLimit {
  month: YearMonth;
  /** The cheapest tier that would have covered it (§5.1); null = hors grille. */
  coveringTierId: string | null;
}

/**
 * The months of `months` over the limits of the tier billed in each of them
 * (§5.1, §6.1), following the contract's tier changes, oldest first.
 */
export function monthsOverLimit(contract: Pick<Contract, 'tier' | 'history' | 'priceListId'>, months: readonly UsageMonth[], lists: PriceLists): MonthOverLimit[] {
  const list = getPriceList(contract.priceListId, lists);
  return months
    .filter((m) => evaluateUsage(m, tierOf(list, tierForMonth(contract, m.month))).some((e) => e.over))
    .map((m) => ({ month: m.month, coveringTierId: findCoveringTier(m, list)?.id ?? null }));
}
