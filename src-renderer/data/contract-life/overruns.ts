import {
  contractMonthOverrun, DomainError, overLimitLines, planTierChange,
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
  plan: TierChangePlan | null;
  /** Why no change is proposed (hors grille, already applied, contract ended…). */
  refusal: string | null;
  request: TierChangeRequest | null;
}

export interface OverrunWorkList {
  month: YearMonth | null;
  items: OverrunItem[];
}

export async function readOverrunWorkList(db: ContratsDb, today: IsoDate): Promise<OverrunWorkList> {
  const summaries = await readPortfolio(db);
  const month = lastMeasuredMonth(summaries);
  if (!month) return { month, items: [] };
  const hits = summaries.flatMap((s) => overInMonth(s, month).map((o) => ({ summary: s, contractId: o.contract.id })));
  const ids = hits.map((h) => h.contractId);
  const [contracts, usage] = await Promise.all([db.contracts.bulkGet(ids), db.usage.bulkGet(ids)]);
  const items = hits.flatMap(({ summary }, i): OverrunItem[] => {
    const contract = contracts[i];
    const over = contract ? contractMonthOverrun(contract, usage[i], month) : null;
    if (!contract || !over) return [];
    const item = { clientId: summary.id, clientName: summary.legalName, contract, over };
    if (!over.proposedSwitch || !over.supplement) return [{ ...item, plan: null, refusal: over.flag ?? 'Aucun changement de formule à proposer.', request: null }];
    const toTier = over.proposedSwitch.tierId as TierCode;
    const fromMonth = over.proposedSwitch.from.value.slice(0, 7);
    try {
      const plan = planTierChange(contract, toTier, fromMonth, today);
      const request: TierChangeRequest = { contractId: contract.id, toTier, fromMonth, retroactive: plan.retroactive, overrun: { month, overLimits: overLimitLines(over), supplementCents: over.supplement.amount.value } };
      return [{ ...item, plan, refusal: null, request }];
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return [{ ...item, plan: null, refusal: error.message, request: null }];
    }
  });
  items.sort((a, b) => a.clientName.localeCompare(b.clientName, 'fr') || a.contract.reference.localeCompare(b.contract.reference));
  return { month, items };
}
