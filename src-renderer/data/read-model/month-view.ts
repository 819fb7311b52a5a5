import { getTier, tierForMonth, type TierCode, type YearMonth } from '../../../src-core';
import type { ClientSummary, RunningContractSummary } from './client-summary';

/**
 * A summary row read for one month (the screens' "this month"): the tier
 * billed, the over-limit verdict and its covering tier, by src-core's rules.
 */

export function tierOfMonth(contract: RunningContractSummary, month: YearMonth): TierCode {
  return tierForMonth(contract, month);
}

/** Monthly price of the tier billed in `month`, HT. */
export function priceOfMonth(contract: RunningContractSummary, month: YearMonth): number {
  return getTier(tierOfMonth(contract, month), contract.priceListId).priceCents;
}

/** The client's running contracts over a limit in `month`, with the tier that would cover each. */
export function overInMonth(summary: ClientSummary, month: YearMonth): { contract: RunningContractSummary; coveringTierId: string | null }[] {
  return summary.running.flatMap((contract) => contract.over.filter((o) => o.month === month).map((o) => ({ contract, coveringTierId: o.coveringTierId })));
}
