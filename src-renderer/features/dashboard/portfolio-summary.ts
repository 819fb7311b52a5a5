import { addDays, compareDates, contractDeadlines, TIER_CODES, type Client, type Contract, type ContractDeadline, type IsoDate, type TierCode, type UsageDocument } from '../../../src-core';
import { lifecycleOfContract } from '../clients/contract-lifecycle';
import { contractsOverInMonth, isRunning, tierOfMonth } from '../clients/portfolio';

/** How far ahead the dashboard lists deadlines. */
export const DEADLINE_WINDOW_DAYS = 30;

export interface UpcomingDeadline {
  clientId: string;
  clientName: string;
  contractReference: string;
  deadline: ContractDeadline;
}

export interface PortfolioSummary {
  /** Sum of this month's tier prices of the running contracts (HT). */
  mrrCents: number;
  runningContracts: number;
  /** Clients with at least one running contract on each tier. */
  clientsPerTier: Record<TierCode, number>;
  /** Clients with a running contract over a limit this month; null while usage is loading. */
  overClients: number | null;
  deadlines: UpcomingDeadline[];
}

export function summarizePortfolio(clients: readonly Client[], contracts: readonly Contract[], usage: readonly UsageDocument[] | undefined, today: IsoDate): PortfolioSummary {
  const month = today.slice(0, 7);
  const names = new Map(clients.map((c) => [c.id, c.legalName]));
  const running = contracts.filter(isRunning);
  const perTier = Object.fromEntries(TIER_CODES.map((t) => [t, new Set<string>()])) as Record<TierCode, Set<string>>;
  let mrrCents = 0;
  for (const c of running) {
    const tier = tierOfMonth(c, month);
    mrrCents += tier.priceCents;
    perTier[tier.id as TierCode]?.add(c.clientId);
  }
  const over = usage ? contractsOverInMonth(contracts, usage, month) : null;
  const overClients = over ? new Set(contracts.filter((c) => over.has(c.id)).map((c) => c.clientId)).size : null;

  const horizon = addDays(today, DEADLINE_WINDOW_DAYS);
  const deadlines = contracts
    .flatMap((c) =>
      contractDeadlines({ lifecycle: lifecycleOfContract(c) })
        .filter((d) => compareDates(d.value, today) >= 0 && compareDates(d.value, horizon) <= 0)
        .map((deadline) => ({ clientId: c.clientId, clientName: names.get(c.clientId) ?? c.clientId, contractReference: c.reference, deadline })),
    )
    .sort((a, b) => compareDates(a.deadline.value, b.deadline.value));

  return {
    mrrCents,
    runningContracts: running.length,
    clientsPerTier: Object.fromEntries(TIER_CODES.map((t) => [t, perTier[t].size])) as Record<TierCode, number>,
    overClients,
    deadlines,
  };
}
