import type { DataContext } from '../context';
import { localChange, writeScope } from '../writes/gateway';

/**
 * The read-write transaction of every invoicing write: what a local change of
 * the documents and payments writes (the write gateway's scope: records, audit,
 * outbox, the read model they keep), what they are computed from (clients,
 * settings), the numbering series and the sync bookkeeping (central issue
 * requests). `changeTransaction` covers entity tables only; numbering needs
 * `series` in the same transaction.
 */
export function invoicingTransaction<T>(ctx: DataContext, body: () => Promise<T>): Promise<T> {
  const { db } = ctx;
  return db.transaction('rw', [...new Set([...writeScope(db, ['invoices', 'payments'], localChange(ctx)), db.clientRows, db.series, db.settings, db.syncState])], body);
}
