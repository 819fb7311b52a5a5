import {
  contractStatusOn, priceInForce, recurringAt, runsOn, tierForMonth, yearMonthOf, type ContractStatus, type IsoDate, type OverrunFact, type PriceInForce, type PriceLists, type TierCode, type YearMonth,
} from '../../../src-core';
import { STATUS_WEIGHT, type ClientSummary, type ContractSummary } from './client-summary';

/**
 * A summary row read at a date or for a month with src-core's contract state
 * (DOMAIN.md, The contract's life acts on everything else): the status of the
 * day, the contracts running that day and their price in force, the
 * over-limit verdicts of a measured month. Nothing here trusts a stored status
 * that a date has made stale.
 */

/** The tier billed in `month`. */
export function tierOfMonth(contract: ContractSummary, month: YearMonth, lists: PriceLists): TierCode {
  return priceInForce(contract, month, lists).tier;
}

/** Monthly price HT in force in `month` (tier changes and received price changes followed). */
export function priceOfMonth(contract: ContractSummary, month: YearMonth, lists: PriceLists): number {
  return priceInForce(contract, month, lists).price.value;
}

/** The client's contract statuses on `date`, the one that matters most first (a running contract's over a terminated one's). */
export function statusesAt(summary: ClientSummary, date: IsoDate): ContractStatus[] {
  return [...new Set(summary.contracts.map((c) => contractStatusOn(c, date)))].sort((a, b) => STATUS_WEIGHT[a] - STATUS_WEIGHT[b]);
}

/**
 * The tiers of the contracts running on `date` (those `runningAt` prices and
 * those `unpricedAt` counts alike), no price read: the clients list shows
 * them for every client.
 */
export function tiersAt(summary: ClientSummary, date: IsoDate): TierCode[] {
  const month = yearMonthOf(date);
  return summary.contracts.flatMap((contract) => (runsOn(contract, date) ? [tierForMonth(contract, month)] : []));
}

/** Whether the contract's price list is on this laptop: a list synced after the contracts on it is missing until it arrives. */
export function hasPriceList(contract: Pick<ContractSummary, 'priceListId'>, lists: PriceLists): boolean {
  return lists.some((l) => l.id === contract.priceListId);
}

/**
 * The contracts running on `date` (started, not ended, not drafts) with their
 * price in force that month. Those whose price list is not on this laptop yet
 * have no price to read: they are left out here and counted by `unpricedAt`.
 */
export function runningAt(summary: ClientSummary, date: IsoDate, lists: PriceLists): { contract: ContractSummary; inForce: PriceInForce }[] {
  return summary.contracts.flatMap((contract) => {
    const inForce = hasPriceList(contract, lists) ? recurringAt(contract, date, lists) : null;
    return inForce ? [{ contract, inForce }] : [];
  });
}

/** The contracts running on `date` whose price list is not on this laptop yet, with their tier then (known without the list). */
export function unpricedAt(summary: ClientSummary, date: IsoDate, lists: PriceLists): { contract: ContractSummary; tier: TierCode }[] {
  return summary.contracts.flatMap((contract) => (!hasPriceList(contract, lists) && runsOn(contract, date) ? [{ contract, tier: tierForMonth(contract, yearMonthOf(date)) }] : []));
}

/** The client's contracts billed in `month` and over a limit then, with the tier that would cover each (the stored facts: only billed months have one). */
export function overInMonth(summary: ClientSummary, month: YearMonth): { contract: ContractSummary; coveringTierId: string | null }[] {
  return summary.contracts.flatMap((contract) => {
    const fact = overrunOf(contract, month);
    return fact ? [{ contract, coveringTierId: fact.coveringTierId }] : [];
  });
}

/** The contract's overrun fact of `month`, if it was billed and over its limits then. */
export function overrunOf(contract: ContractSummary, month: YearMonth): OverrunFact | undefined {
  return contract.overruns.find((o) => o.month === month);
}

/** The portfolio's last measured month (usage is imported a month behind): what the overrun figures are about. */
export function lastMeasuredMonth(summaries: readonly ClientSummary[]): YearMonth | null {
  let last: YearMonth | null = null;
  for (const s of summaries) for (const c of s.contracts) if (c.lastMeasured && (!last || c.lastMeasured > last)) last = c.lastMeasured;
  return last;
}
