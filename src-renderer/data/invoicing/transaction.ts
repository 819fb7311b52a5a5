import type { DataContext } from '../context';
import { summaryTables } from '../read-model/upkeep';

/**
 * The read-write transaction of every invoicing write: the documents, what
 * they are computed from (payments, clients, settings), the numbering series,
 * and the audit and outbox that `writeChange` fills. `changeTransaction` covers
 * entity tables only; numbering needs `series` in the same transaction.
 */
export function invoicingTransaction<T>(ctx: DataContext, body: () => Promise<T>): Promise<T> {
  const { db } = ctx;
  return db.transaction('rw', [db.invoices, db.payments, db.clientRows, db.series, db.settings, db.syncState, db.audit, db.outbox, ...summaryTables(db, ['invoices'])], body);
}
