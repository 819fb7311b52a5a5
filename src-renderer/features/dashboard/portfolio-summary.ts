import { addDays, TIER_CODES, type IsoDate, type TierCode } from '../../../src-core';
import { deadlinesBetween, overInMonth, priceOfMonth, tierOfMonth, type ClientSummary, type PortfolioDeadline } from '../../data';

/** How far ahead the dashboard lists deadlines. */
export const DEADLINE_WINDOW_DAYS = 30;

export interface PortfolioSummary {
  /** Sum of this month's tier prices of the running contracts (HT). */
  mrrCents: number;
  runningContracts: number;
  /** Clients with at least one running contract on each tier. */
  clientsPerTier: Record<TierCode, number>;
  /** Clients with a running contract over a limit this month. */
  overClients: number;
  deadlines: PortfolioDeadline[];
}

/** The dashboard's figures for `today`, from the read model's summary rows (one pass, no record read). */
export function summarizePortfolio(summaries: readonly ClientSummary[], today: IsoDate): PortfolioSummary {
  const month = today.slice(0, 7);
  const perTier = Object.fromEntries(TIER_CODES.map((t) => [t, 0])) as Record<TierCode, number>;
  let mrrCents = 0;
  let runningContracts = 0;
  let overClients = 0;
  for (const s of summaries) {
    const tiers = new Set<TierCode>();
    for (const c of s.running) {
      runningContracts++;
      mrrCents += priceOfMonth(c, month);
      tiers.add(tierOfMonth(c, month));
    }
    for (const tier of tiers) perTier[tier]++;
    if (overInMonth(s, month).length > 0) overClients++;
  }
  const deadlines = deadlinesBetween(summaries, today, addDays(today, DEADLINE_WINDOW_DAYS));
  return { mrrCents, runningContracts, clientsPerTier: perTier, overClients, deadlines };
}
