import { compareDates, parseIsoDate, type IsoDate } from '../dates';
import { message, refusalError, type Message } from '../messages';
import type { Cents } from '../money';

/**
 * Versioned price lists (§5.1). A price change (§5.2) adds a new list with a
 * later effective date; a list is never edited, so an old invoice can always be
 * recomputed from the list it was billed on.
 */

/** The three metered quantities of §5.1, per calendar month. */
export interface UsageQuantities {
  /** CPU hours consumed in the month. */
  cpuHours: number;
  /** Peak database size, GB. */
  databaseGB: number;
  /** Peak storage size, GB. */
  storageGB: number;
}

export type SupportLevel = 'none' | 'simple' | 'premium';

export interface Tier {
  /** 'T19' … 'T999': named after the price so that account managers recognise it. */
  id: string;
  /** Monthly price excluding VAT (HT). */
  priceCents: Cents;
  limits: UsageQuantities;
  support: SupportLevel;
  /** Premium only: deadline for a blocking anomaly, in business hours (§4). */
  blockingAnomalyBusinessHours?: 8 | 4;
}

export interface PriceList {
  id: string;
  effectiveFrom: IsoDate;
  /** Sorted by price, each limit non-decreasing: the covering-tier search relies on it. */
  tiers: readonly Tier[];
}

/** The price list in force on 1 September 2024 (§5.1, CGV version 2). */
export const PRICE_LIST_2024_09_01: PriceList = {
  id: 'PL-2024-09-01',
  effectiveFrom: '2024-09-01',
  tiers: [
    { id: 'T19', priceCents: 1900, limits: { cpuHours: 0.5, databaseGB: 0.5, storageGB: 1 }, support: 'none' },
    { id: 'T49', priceCents: 4900, limits: { cpuHours: 1, databaseGB: 1, storageGB: 2 }, support: 'none' },
    { id: 'T99', priceCents: 9900, limits: { cpuHours: 1.5, databaseGB: 1, storageGB: 10 }, support: 'simple' },
    { id: 'T199', priceCents: 19900, limits: { cpuHours: 2, databaseGB: 1, storageGB: 20 }, support: 'simple' },
    { id: 'T499', priceCents: 49900, limits: { cpuHours: 4, databaseGB: 1, storageGB: 40 }, support: 'premium', blockingAnomalyBusinessHours: 8 },
    { id: 'T999', priceCents: 99900, limits: { cpuHours: 6, databaseGB: 1, storageGB: 100 }, support: 'premium', blockingAnomalyBusinessHours: 4 },
  ],
};

/**
 * The lists a computation reads: the stored `priceLists` records (the laptop's
 * synced table, the server's records), passed explicitly by every caller. The
 * built-in list above is seed data only (demo portfolio, server seed).
 */
export type PriceLists = readonly PriceList[];


export function getPriceList(id: string, lists: PriceLists): PriceList {
  const list = lists.find((l) => l.id === id);
  if (!list) {
    throw refusalError('UNKNOWN_PRICE_LIST', message('refusal.priceList.missing', { id }));
  }
  return list;
}

/** The list with the latest effective date on or before `date`. */
export function priceListInForce(date: IsoDate, lists: PriceLists): PriceList {
  parseIsoDate(date);
  const inForce = lists
    .filter((l) => compareDates(l.effectiveFrom, date) <= 0)
    .reduce<PriceList | null>((best, l) => (best && compareDates(best.effectiveFrom, l.effectiveFrom) >= 0 ? best : l), null);
  if (!inForce) {
    const first = firstPriceListDate(lists);
    throw refusalError('UNKNOWN_PRICE_LIST', first ? message('refusal.priceList.noneInForce', { date: { date }, first: { date: first } }) : message('refusal.priceList.noneRecorded', { date: { date } }));
  }
  return inForce;
}

/** Effective date of the oldest list, null when there is none: no contract starts before it (§5.1). */
export function firstPriceListDate(lists: PriceLists): IsoDate | null {
  return lists.reduce<IsoDate | null>((first, l) => (first === null || compareDates(l.effectiveFrom, first) < 0 ? l.effectiveFrom : first), null);
}

/**
 * Why a contract cannot be priced, in French, or null: its list must be one of
 * `lists` and its start on or after the first list (nothing could price its
 * first month). The app and the server ask the same question.
 */
export function contractPriceListProblem(contract: { priceListId: string; startDate: IsoDate }, lists: PriceLists): Message | null {
  if (lists.length === 0) return message('refusal.priceList.none');
  if (!lists.some((l) => l.id === contract.priceListId)) return message('refusal.priceList.unknown', { id: contract.priceListId.slice(0, 128) });
  const first = firstPriceListDate(lists)!;
  if (compareDates(contract.startDate, first) < 0) return message('refusal.priceList.beforeFirst', { first: { date: first } });
  return null;
}

export function getTier(tierId: string, priceListId: string, lists: PriceLists): Tier {
  const list = getPriceList(priceListId, lists);
  return tierOf(list, tierId);
}

/** The tier `tierId` of a list already resolved (a hot path resolves the list once). */
export function tierOf(list: PriceList, tierId: string): Tier {
  const tier = list.tiers.find((t) => t.id === tierId);
  if (!tier) {
    throw refusalError('UNKNOWN_TIER', message('refusal.priceList.unknownTier', { tier: tierId, list: list.id, tiers: list.tiers.map((t) => t.id).join(', ') }));
  }
  return tier;
}
