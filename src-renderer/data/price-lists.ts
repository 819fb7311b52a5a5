import { listsOrBuiltIn, type PriceListRecord } from '../../src-core';
import type { ContratsDb } from './db';

/**
 * The stored price lists (the synced `priceLists` table), which the src-core
 * pricing rules read every tier, price and limit from. An operation reads
 * them once and passes them on: a handful of records, never one read per
 * contract. A write that keeps the read model reads them inside its
 * transaction (read-model/upkeep.ts `readModelScope` covers the table).
 * A laptop holding none yet reads the built-in list (src-core `listsOrBuiltIn`).
 */
export async function storedPriceLists(db: ContratsDb): Promise<readonly PriceListRecord[]> {
  return listsOrBuiltIn(await db.priceLists.toArray());
}

