import { addDays, TIER_CODES, type IsoDate, type PriceLists, type TierCode, type YearMonth } from '../../../src-core';
import { deadlinesBetween, lastMeasuredMonth, overInMonth, runningAt, type ClientSummary, type PortfolioDeadline } from '../../data';

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
}

/** The dashboard's figures for `today`, from the read model's summary rows (one pass, no record read). */
export function summarizePortfolio(summaries: readonly ClientSummary[], today: IsoDate, lists: PriceLists): PortfolioSummary {
  const overMonth = lastMeasuredMonth(summaries);
  const perTier = Object.fromEntries(TIER_CODES.map((t) => [t, 0])) as Record<TierCode, number>;
  let mrrCents = 0;
  let runningContracts = 0;
  let overClients = 0;
  for (const s of summaries) {
    const tiers = new Set<TierCode>();
    for (const { inForce } of runningAt(s, today, lists)) {
      runningContracts++;
      mrrCents += inForce.price.value;
      tiers.add(inForce.tier);
    }
    for (const tier of tiers) perTier[tier]++;
    if (overMonth && overInMonth(s, overMonth).length > 0) overClients++;
  }
  const deadlines = deadlinesBetween(summaries, today, addDays(today, DEADLINE_WINDOW_DAYS));
  return { mrrCents, runningContracts, clientsPerTier: perTier, overMonth, overClients, deadlines };
}
