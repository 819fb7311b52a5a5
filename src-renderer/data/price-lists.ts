import { demoPriceListRecord, type PriceListRecord } from '../../src-core';
import type { ContratsDb } from './db';
import { applyRecordWrites, FROM_SERVER, writeScope } from './writes/gateway';

/**
 * The stored price lists (the synced `priceLists` table), which the src-core
 * pricing rules read every tier, price and limit from. An operation reads
 * them once and passes them on: a handful of records, never one read per
 * contract. A write that keeps the read model reads them inside its
 * transaction (read-model/upkeep.ts `readModelScope` covers the table).
 */
export function storedPriceLists(db: ContratsDb): Promise<PriceListRecord[]> {
  return db.priceLists.toArray();
}

/**
 * The built-in list (src-core/demo) into an empty `priceLists` table, as a
 * server never seeded holds it. Written through the write gateway as a record
 * of the server's (the same id everywhere): no audit, nothing in the outbox.
 * Idempotent: a table holding any list is left as it is.
 */
export function seedPriceList(db: ContratsDb): Promise<void> {
  return db.transaction('rw', writeScope(db, ['priceLists'], FROM_SERVER), async () => {
    if ((await db.priceLists.count()) === 0) await applyRecordWrites(db, [{ entity: 'priceLists', after: demoPriceListRecord() }], FROM_SERVER);
  });
}
