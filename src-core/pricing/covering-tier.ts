import { getPriceList, type PriceList, type PriceLists, type Tier, type UsageQuantities } from './price-lists';
import { assertUsage, fitsWithin } from './usage';

/**
 * Covering tier (§5.1): the cheapest tier of the list whose three limits are
 * all at least the usage; null when none does ("hors grille": a custom quote).
 */
export function findCoveringTier(usage: UsageQuantities, priceList: PriceList): Tier | null {
  assertUsage(usage); // up front: `every` would stop at the first metric over and skip checking the others
  const candidates = priceList.tiers.filter((t) => fitsWithin(usage, t.limits));
  return candidates.reduce<Tier | null>((cheapest, t) => (cheapest && cheapest.priceCents <= t.priceCents ? cheapest : t), null);
}

/** Id of the covering tier in the named list of `lists`, or null when hors grille. */
export function coveringTier(usage: UsageQuantities, priceListId: string, lists: PriceLists): string | null {
  return findCoveringTier(usage, getPriceList(priceListId, lists))?.id ?? null;
}
