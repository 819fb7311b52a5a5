import {
  addMonthsToYearMonth, DomainError, message, messageFr, planTermsTierChange, yearMonthOf, type Message, type PriceLists,
  type IsoDate, type OverrunFact, type TierChangePlan, type TierCode, type YearMonth,
} from '../../../src-core';
import { storedPriceLists } from '../price-lists';
import type { ContratsDb } from '../db';
import { overrunOf, type ContractSummary } from '../read-model';
import { readLastMeasuredMonth, readOverrunRows, type OverrunRow } from '../read-model/overrun-index';
import type { TierChangeRequest } from './tier-change';

/**
 * The overrun work list (DOMAIN.md: over-consumption is judged on every
 * measured month): every contract over its limits in the portfolio's last
 * measured month, with its covering tier, supplement and proposed switch —
 * and the tier change that switch would be, or why it cannot be applied.
 * Read from the read model's overrun facts (read-model/overrun-index.ts): the
 * rows of the contracts over that month, nothing else.
 */
export interface OverrunItem {
  clientId: string;
  clientName: string;
  /** The contract's read-model summary: reference and terms. */
  contract: ContractSummary;
  /** Its month over the limits, as src-core `overrunFacts` judged it. */
  over: OverrunFact;
  /** A stored invoice already bills that month's supplement (src-core `regularisedMonths`): the next run will not propose it again. */
  regularised: boolean;
  /** The change at the proposed date (the 1st after the overrun), possibly already past. */
  plan: TierChangePlan | null;
  /** When that date is past: the same change from the 1st of next month, applied unless retroactivity is chosen. */
  nextPlan: TierChangePlan | null;
  /** Why no change is proposed (hors grille, already applied, contract ended…). */
  refusal: string | null;
  /** The same as a message code, when it has one: said in the interface's language. */
  refusalSaid: Message | null;
  request: TierChangeRequest | null;
  nextRequest: TierChangeRequest | null;
}

export interface OverrunWorkList {
  month: YearMonth | null;
  items: OverrunItem[];
}

/** The same change from the 1st of next month, or null when the rules refuse it (the contract ends before). */
function nextMonthPlan(contract: ContractSummary, toTier: TierCode, today: IsoDate, lists: PriceLists): TierChangePlan | null {
  try {
    return planTermsTierChange(contract, toTier, addMonthsToYearMonth(yearMonthOf(today), 1), today, lists);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

function workItem(row: OverrunRow, over: OverrunFact, today: IsoDate, lists: PriceLists): OverrunItem {
  const { contract } = row;
  const item = { clientId: row.clientId, clientName: row.clientName, contract, over, regularised: row.regularised.includes(over.month) };
  const none = { plan: null, nextPlan: null, request: null, nextRequest: null };
  if (!over.proposedSwitch || over.supplementCents === null) return { ...item, ...none, ...(over.flag ? { refusal: over.flag, refusalSaid: null } : { refusal: messageFr(message('overrun.noChange')), refusalSaid: message('overrun.noChange') }) };
  const toTier = over.proposedSwitch.tierId as TierCode;
  const overrun = { month: over.month, overLimits: over.overLimits, supplementCents: over.supplementCents };
  const requestOf = (plan: TierChangePlan): TierChangeRequest => ({ contractId: contract.id, toTier, fromMonth: plan.fromMonth, retroactive: plan.retroactive, overrun });
  try {
    const plan = planTermsTierChange(contract, toTier, over.proposedSwitch.from.slice(0, 7), today, lists);
    const nextPlan = plan.retroactive ? nextMonthPlan(contract, toTier, today, lists) : null;
    return { ...item, plan, nextPlan, refusal: null, refusalSaid: null, request: requestOf(plan), nextRequest: nextPlan ? requestOf(nextPlan) : null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ...item, ...none, refusal: error.message, refusalSaid: error.said ?? null };
  }
}

const byName = new Intl.Collator('fr');

export async function readOverrunWorkList(db: ContratsDb, today: IsoDate): Promise<OverrunWorkList> {
  return db.transaction('r', [db.overrunFacts, db.portfolioMeasured, db.priceLists], async () => {
    const month = await readLastMeasuredMonth(db);
    if (!month) return { month, items: [] };
    const lists = await storedPriceLists(db);
    const items = (await readOverrunRows(db, month)).flatMap((row) => {
      const over = overrunOf(row.contract, month);
      return over ? [workItem(row, over, today, lists)] : [];
    });
    items.sort((a, b) => byName.compare(a.clientName, b.clientName) || a.contract.reference.localeCompare(b.contract.reference));
    return { month, items };
  });
}
