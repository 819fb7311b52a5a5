import { addDays, TIER_CODES, type IsoDate, type PriceLists, type TierCode, type YearMonth } from '../../../src-core';
import { deadlinesBetween, lastMeasuredMonth, overInMonth, runningAt, unpricedAt, type ClientSummary, type PortfolioDeadline } from '../../data';

/** How far ahead the dashboard lists deadlines. */
export const DEADLINE_WINDOW_DAYS = 30;

export interface PortfolioSummary {
  /** Sum of the prices in force of the contracts running today (HT): a contract past its end date is out. */
  mrrCents: number;
  runningContracts: number;
  /** Clients with at least one contract running today on each tier. */
  clientsPerTier: Record<TierCode, number>;
  /** The portfolio's last measured month, which the overrun figures are about. */
  overMonth: YearMonth | null;
  /** Clients with a contract billed then and over a limit in the last measured month. */
  overClients: number;
  deadlines: PortfolioDeadline[];
  /** Contracts running today whose price list is not on this laptop yet: counted per tier, left out of the MRR (their price is unknown). */
  unpriced: Unpriced;
}

/** Running contracts left out of a sum for want of their price list, and the lists missing. */
export interface Unpriced {
  contracts: number;
  lists: string[];
}

/** The dashboard's figures for `today`, from the read model's summary rows (one pass, no record read). */
export function summarizePortfolio(summaries: readonly ClientSummary[], today: IsoDate, lists: PriceLists): PortfolioSummary {
  const overMonth = lastMeasuredMonth(summaries);
  const perTier = Object.fromEntries(TIER_CODES.map((t) => [t, 0])) as Record<TierCode, number>;
  let mrrCents = 0;
  let runningContracts = 0;
  let overClients = 0;
  const unpriced = { contracts: 0, lists: new Set<string>() };
  for (const s of summaries) {
    const tiers = new Set<TierCode>();
    for (const { inForce } of runningAt(s, today, lists)) {
      runningContracts++;
      mrrCents += inForce.price.value;
      tiers.add(inForce.tier);
    }
    for (const { contract, tier } of unpricedAt(s, today, lists)) {
      unpriced.contracts++;
      unpriced.lists.add(contract.priceListId);
      tiers.add(tier);
    }
    for (const tier of tiers) perTier[tier]++;
    if (overMonth && overInMonth(s, overMonth).length > 0) overClients++;
  }
  const deadlines = deadlinesBetween(summaries, today, addDays(today, DEADLINE_WINDOW_DAYS));
  return { mrrCents, runningContracts, clientsPerTier: perTier, overMonth, overClients, deadlines, unpriced: { contracts: unpriced.contracts, lists: [...unpriced.lists].sort() } };
}
