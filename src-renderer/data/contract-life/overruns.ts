import {
  addMonthsToYearMonth, contractMonthOverrun, DomainError, yearMonthOf, overLimitLines, planTierChange,
  type Contract, type IsoDate, type OverConsumption, type TierChangePlan, type TierCode, type YearMonth,
} from '../../../src-core';
import type { ContratsDb } from '../db';
import { lastMeasuredMonth, overInMonth, readPortfolio } from '../read-model';
import type { TierChangeRequest } from './tier-change';

/**
 * The overrun work list (DOMAIN.md: over-consumption is judged on every
 * measured month): every contract over its limits in the portfolio's last
 * measured month, with its covering tier, supplement and proposed switch —
 * and the tier change that switch would be, or why it cannot be applied.
 */
export interface OverrunItem {
  clientId: string;
  clientName: string;
  contract: Contract;
  over: OverConsumption;
  /** The change at the proposed date (the 1st after the overrun), possibly already past. */
  plan: TierChangePlan | null;
  /** When that date is past: the same change from the 1st of next month, applied unless retroactivity is chosen. */
  nextPlan: TierChangePlan | null;
  /** Why no change is proposed (hors grille, already applied, contract ended…). */
  refusal: string | null;
  request: TierChangeRequest | null;
  nextRequest: TierChangeRequest | null;
}

export interface OverrunWorkList {
  month: YearMonth | null;
  items: OverrunItem[];
}

/** The same change from the 1st of next month, or null when the rules refuse it (the contract ends before). */
function nextMonthPlan(contract: Contract, toTier: TierCode, today: IsoDate): TierChangePlan | null {
  try {
    return planTierChange(contract, toTier, addMonthsToYearMonth(yearMonthOf(today), 1), today);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

export async function readOverrunWorkList(db: ContratsDb, today: IsoDate): Promise<OverrunWorkList> {
  const summaries = await readPortfolio(db);
  const month = lastMeasuredMonth(summaries);
  if (!month) return { month, items: [] };
  const hits = summaries.flatMap((s) => overInMonth(s, month).map((o) => ({ summary: s, contractId: o.contract.id })));
  const ids = hits.map((h) => h.contractId);
  // The contracts through their clients' rows, by key (the summary is the client's): one batched read,
  // where the contract index would step a cursor once per contract.
  const [files, usage] = await Promise.all([db.clientRows.bulkGet([...new Set(hits.map((h) => h.summary.id))]), db.usage.bulkGet(ids)]);
  const contractOf = new Map(files.flatMap((f) => f?.contracts ?? []).map((c) => [c.id, c]));
  const items = hits.flatMap(({ summary, contractId }, i): OverrunItem[] => {
    const contract = contractOf.get(contractId);
    const over = contract ? contractMonthOverrun(contract, usage[i], month) : null;
    if (!contract || !over) return [];
    const item = { clientId: summary.id, clientName: summary.legalName, contract, over };
    const none = { plan: null, nextPlan: null, request: null, nextRequest: null };
    if (!over.proposedSwitch || !over.supplement) return [{ ...item, ...none, refusal: over.flag ?? 'Aucun changement de formule à proposer.' }];
    const toTier = over.proposedSwitch.tierId as TierCode;
    const overrun = { month, overLimits: overLimitLines(over), supplementCents: over.supplement.amount.value };
    const requestOf = (plan: TierChangePlan): TierChangeRequest => ({ contractId: contract.id, toTier, fromMonth: plan.fromMonth, retroactive: plan.retroactive, overrun });
    try {
      const plan = planTierChange(contract, toTier, over.proposedSwitch.from.value.slice(0, 7), today);
      const nextPlan = plan.retroactive ? nextMonthPlan(contract, toTier, today) : null;
      return [{ ...item, plan, nextPlan, refusal: null, request: requestOf(plan), nextRequest: nextPlan ? requestOf(nextPlan) : null }];
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return [{ ...item, ...none, refusal: error.message }];
    }
  });
  items.sort((a, b) => a.clientName.localeCompare(b.clientName, 'fr') || a.contract.reference.localeCompare(b.contract.reference));
  return { month, items };
}
