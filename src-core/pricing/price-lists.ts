import { compareDates, formatDateFr, parseIsoDate, type IsoDate } from '../dates';
import { DomainError } from '../errors';
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

/** Every built-in list, oldest first. */
export const PRICE_LISTS: readonly PriceList[] = [PRICE_LIST_2024_09_01];

/** The list used when none is named: the first one, on which every 2024 contract was signed. */
export const DEFAULT_PRICE_LIST_ID = PRICE_LIST_2024_09_01.id;

export function getPriceList(id: string, lists: readonly PriceList[] = PRICE_LISTS): PriceList {
  const list = lists.find((l) => l.id === id);
  if (!list) throw new DomainError('UNKNOWN_PRICE_LIST', `Grille tarifaire inconnue : « ${id} ».`);
  return list;
}

/** The list with the latest effective date on or before `date`. */
export function priceListInForce(date: IsoDate, lists: readonly PriceList[] = PRICE_LISTS): PriceList {
  parseIsoDate(date);
  const inForce = lists
    .filter((l) => compareDates(l.effectiveFrom, date) <= 0)
    .reduce<PriceList | null>((best, l) => (best && compareDates(best.effectiveFrom, l.effectiveFrom) >= 0 ? best : l), null);
  if (!inForce) {
    throw new DomainError('UNKNOWN_PRICE_LIST', `Aucune grille tarifaire n'est en vigueur le ${formatDateFr(date)}.`);
  }
  return inForce;
}

export function getTier(tierId: string, priceListId: string = DEFAULT_PRICE_LIST_ID, lists: readonly PriceList[] = PRICE_LISTS): Tier {
  const list = getPriceList(priceListId, lists);
  const tier = list.tiers.find((t) => t.id === tierId);
  if (!tier) {
    throw new DomainError(
      'UNKNOWN_TIER',
      `Formule inconnue : « ${tierId} » n'existe pas dans la grille ${list.id} (formules : ${list.tiers.map((t) => t.id).join(', ')}).`,
    );
  }
  return tier;
}
