import { type Invoice, type Message, messageFr } from '../../../src-core';
import type { DataContext } from '../context';
import { applyRecordWrites, localChange } from '../writes/gateway';

/** Documents written so far, between the bulk requests of the one transaction. */
export interface WriteProgress {
  written: number;
  total: number;
}

/**
 * Many invoice changes written at once through the write gateway, in steps
 * of bulk requests (records, audit entries, outbox mutations) with progress
 * between them: the monthly run (2,000 drafts) and issuing a month. Must run
 * inside `invoicingTransaction`, so that a month is written whole or not at
 * all (and, when issuing, with the numbering series).
 */
export interface InvoiceChange {
  before: Invoice | undefined;
  after: Invoice;
  action: string;
  /** The history's sentence, as a message (its French stored beside). */
  summary: Message;
}

export function writeInvoiceChanges(ctx: DataContext, changes: readonly InvoiceChange[], actor: string, onProgress?: (progress: WriteProgress) => void): Promise<void> {
  const writes = changes.map(({ before, after, action, summary }) => ({ entity: 'invoices' as const, before, after, audit: { actor, action, summary: messageFr(summary), said: summary, clientId: after.clientId } }));
  return applyRecordWrites(ctx.db, writes, localChange(ctx), onProgress ? { onProgress } : {});
}
