import type { Invoice } from '../../../src-core';
import type { DataContext } from '../context';

/** What the invoices screens filter on; every field is optional. */
export interface InvoiceFilter {
  clientId?: string;
  contractId?: string;
  status?: Invoice['status'];
  period?: string;
}

/** Narrows with the most selective query of the store, then filters the rest in memory, by date. */
export async function queryInvoices(ctx: DataContext, filter: InvoiceFilter = {}): Promise<Invoice[]> {
  const { invoices } = ctx.db;
  const { contractId, clientId, period } = filter;
  const narrowed = await (contractId ? invoices.ofContracts([contractId]) : clientId ? invoices.ofClient(clientId) : period ? invoices.ofPeriods(period) : invoices.toArray());
  return narrowed
    .filter((i) => (Object.keys(filter) as (keyof InvoiceFilter)[]).every((k) => filter[k] === undefined || i[k] === filter[k]))
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate));
}

/** Reads of invoices (their writes are the invoicing commands, data/invoicing). */
export function invoicesRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    get: (id: string) => db.invoices.get(id),
    query: (filter?: InvoiceFilter) => queryInvoices(ctx, filter),
  };
}
