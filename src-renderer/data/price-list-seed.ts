import { demoPriceListRecord } from '../../src-core';
import type { ContratsDb } from './db';
import { applyRecordWrites, FROM_SERVER, writeScope } from './writes/gateway';

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
