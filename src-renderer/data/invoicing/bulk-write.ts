import type { Invoice } from '../../../src-core';
import { writeBulkChanges, type WriteProgress } from '../bulk-change';
import type { DataContext } from '../context';

export type { WriteProgress } from '../bulk-change';

/**
 * Many invoice changes written at once (data/bulk-change.ts): the monthly run
 * (2,000 drafts) and issuing a month. Must run inside `invoicingTransaction`,
 * so that a month is written whole or not at all (and, when issuing, with the
 * numbering series). Invoices do not feed the portfolio read model, so no
 * summary has to be refreshed.
 */
export interface InvoiceChange {
  before: Invoice | undefined;
  after: Invoice;
  action: string;
  summary: string;
}

export function writeInvoiceChanges(ctx: DataContext, changes: readonly InvoiceChange[], actor: string, onProgress?: (progress: WriteProgress) => void): Promise<void> {
  return writeBulkChanges(ctx, 'invoices', changes.map((c) => ({ ...c, clientId: c.after.clientId })), actor, onProgress);
}
