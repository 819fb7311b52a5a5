import type { PriceListRecord } from '../../src-core';
import type { ContratsDb } from './db';

/**
 * The stored price lists (the synced `priceLists` table), which the src-core
 * pricing rules read every tier, price and limit from. An operation reads
 * them once, outside its write transaction, and passes them on: a handful of
 * records, never one read per contract.
 */
export function storedPriceLists(db: ContratsDb): Promise<PriceListRecord[]> {
  return db.priceLists.toArray();
}
