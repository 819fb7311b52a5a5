import { contractMonthOverrun, getTier, tierForMonth, type Contract, type OverConsumption, type PriceLists, type Tier, type UsageDocument, type YearMonth } from '../../../src-core';

/**
 * One contract's figures for the client page (charts, over-consumption box).
 * The rules (tier of a month, limits, covering tier) are src-core's; the
 * portfolio-wide figures of the list and the dashboard come from the data
 * layer's read model.
 */

/** The tier billed for `month`, following the contract's tier changes. */
export function tierOfMonth(contract: Contract, month: YearMonth, lists: PriceLists): Tier {
  return getTier(tierForMonth(contract, month), contract.priceListId, lists);
}

/**
 * The over-consumption of the latest measured month of a contract, as src-core
 * judges it (covering tier, supplement, proposed switch), or null when that
 * month is within the limits.
 */
export function latestOverConsumption(contract: Contract, usage: UsageDocument | undefined, lists: PriceLists): OverConsumption | null {
  const last = usage?.months[usage.months.length - 1];
  return last ? contractMonthOverrun(contract, usage, last.month, lists) : null;
}
