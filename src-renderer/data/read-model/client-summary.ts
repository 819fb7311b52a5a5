import {
  contractDeadlines, contractTerms, DomainError, lifecycleOfContract, overrunFacts,
  type Client, type PriceLists, type Contract, type ContractDeadline, type ContractStatus, type ContractTerms, type HostingMode, type OverrunFact, type UsageDocument, type YearMonth,
} from '../../../src-core';
import { searchable } from './search-key';

/**
 * The read model of the portfolio: ONE small row per client holding exactly
 * what the clients list and the dashboard show, so that opening them reads
 * 10,000 compact rows instead of the clients, contracts and usage tables
 * (ARCHITECTURE.md: store what is read together together). Rows are derived
 * data — rebuilt from the records by `summarizeClient`, never edited alone —
 * and they stay independent of today's date: each contract keeps its terms
 * (src-core `ContractTerms`: end date and cause, tier changes, price versions)
 * and the facts of its months over the limits (src-core `overrunFacts`: covering
 * tier, supplement, proposed switch), and `month-view.ts` reads them at a
 * date or for a month (status of the day, running, price in force, overruns).
 */
export interface ClientSummary {
  /** The client's id. */
  id: string;
  legalName: string;
  siren: string;
  city: string;
  contactName: string;
  contactEmail: string;
  partner: string | null;
  hostingMode: HostingMode;
  /** Every contract, drafts and ended ones included: which run on a day is read at that date. */
  contracts: ContractSummary[];
  /** Every dated deadline of its contracts, soonest first (the dashboard keeps those of the next days). */
  deadlines: SummaryDeadline[];
  /** Name, SIREN, VAT number, contact, city, postal code, partner and contract references, lowercase without accents. */
  searchKey: string;
  /** Archived clients are hidden from the list unless asked for (absent in rows stored before: not archived). */
  archived?: boolean;
}

/** A contract's terms, with what its usage came to. */
export interface ContractSummary extends ContractTerms {
  id: string;
  reference: string;
  /** Its billed months over the limits among the last measured ones, oldest first, as src-core `overrunFacts` judges them. */
  overruns: OverrunFact[];
  /** Its latest measured month, null before any usage. */
  lastMeasured: YearMonth | null;
}

export interface SummaryDeadline {
  contractId: string;
  contractReference: string;
  deadline: ContractDeadline;
}

/**
 * How many of the latest measured months keep their over-limit verdict: the
 * screens ask about the portfolio's last measured month; older overruns live
 * on the client page and the monthly run. Bounded so that
 * a row stays small whatever the length of the usage history.
 */
export const OVER_MONTHS_KEPT = 3;

/** Which status matters most for a client (lower first): the list shows and sorts by it. */
export const STATUS_WEIGHT: Record<ContractStatus, number> = { active: 0, notice_received: 1, suspended: 2, draft: 3, terminated: 4 };

/**
 * The overrun facts of the latest months, judged against the stored price
 * lists. A contract whose list has not reached this laptop yet (synced later)
 * keeps none rather than stopping the whole read model: its page says why.
 */
function overrunsOf(terms: ContractTerms, months: readonly UsageDocument['months'][number][], lists: PriceLists): OverrunFact[] {
  try {
    return overrunFacts(terms, months, lists);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'UNKNOWN_PRICE_LIST') return [];
    throw error;
  }
}

function contractSummary(contract: Contract, usage: UsageDocument | undefined, lists: PriceLists): ContractSummary {
  const months = usage?.months.slice(-OVER_MONTHS_KEPT) ?? [];
  const terms = contractTerms(contract);
  return { id: contract.id, reference: contract.reference, ...terms, overruns: overrunsOf(terms, months, lists), lastMeasured: months.at(-1)?.month ?? null };
}

/**
 * `summary` with the usage-derived part of one of its contracts recomputed
 * from that contract's new usage document: what a usage import changes, read
 * from the summary's own terms (tier changes, price list) instead of the
 * client's file. Unchanged when the contract is not the client's.
 */
export function withContractUsage(summary: ClientSummary, usage: UsageDocument, lists: PriceLists): ClientSummary {
  const months = usage.months.slice(-OVER_MONTHS_KEPT);
  return {
    ...summary,
    contracts: summary.contracts.map((c) => (c.id === usage.contractId ? { ...c, overruns: overrunsOf(c, months, lists), lastMeasured: months.at(-1)?.month ?? null } : c)),
  };
}

/**
 * The part of a record its client's summary is computed from, for a first
 * sync that keeps them in memory: a usage document's latest measured months
 * only (the rest of its history never changes the summary).
 */
export function summarySource<T extends { months?: unknown }>(record: T): T {
  return Array.isArray(record.months) ? { ...record, months: record.months.slice(-OVER_MONTHS_KEPT) } : record;
}

/** The summary row of one client from its records (contracts and usage documents of other clients are ignored). */
export function summarizeClient(client: Client, contracts: readonly Contract[], usage: readonly UsageDocument[], lists: PriceLists): ClientSummary {
  const own = contracts.filter((c) => c.clientId === client.id);
  const usageOf = new Map(usage.map((u) => [u.contractId, u]));
  const partner = client.partner?.name ?? null;
  const deadlines = own
    .flatMap((c) => contractDeadlines({ lifecycle: lifecycleOfContract(c) }).map((deadline) => ({ contractId: c.id, contractReference: c.reference, deadline })))
    .sort((a, b) => (a.deadline.value < b.deadline.value ? -1 : a.deadline.value > b.deadline.value ? 1 : 0));
  return {
    id: client.id,
    legalName: client.legalName,
    siren: client.siren ?? '',
    city: client.billingAddress.city,
    contactName: client.contact.name,
    contactEmail: client.contact.email,
    partner,
    hostingMode: client.hostingMode,
    contracts: own.map((c) => contractSummary(c, usageOf.get(c.id), lists)),
    deadlines,
    searchKey: searchable(
      [client.legalName, client.siren, client.vatNumber, client.contact.name, client.contact.email, client.billingAddress.city, client.billingAddress.postalCode, partner, ...own.map((c) => c.reference)]
        .filter(Boolean)
        .join(' '),
    ),
    ...(client.archivedAt ? { archived: true } : {}),
  };
}

/** Summaries of many clients at once (migration, demo load): contracts and usage grouped by client in one pass. */
export function summarizeClients(clients: readonly Client[], contracts: readonly Contract[], usage: readonly UsageDocument[], lists: PriceLists): ClientSummary[] {
  const group = <T extends { clientId: string }>(records: readonly T[]) => {
    const by = new Map<string, T[]>();
    for (const r of records) {
      const list = by.get(r.clientId);
      if (list) list.push(r);
      else by.set(r.clientId, [r]);
    }
    return by;
  };
  const contractsBy = group(contracts);
  const usageBy = group(usage);
  return clients.map((c) => summarizeClient(c, contractsBy.get(c.id) ?? [], usageBy.get(c.id) ?? [], lists));
}
