import type { Invoice } from '../../../src-core';
import type { DataContext } from '../context';

/** What the invoices screens filter on; every field is optional. */
export interface InvoiceFilter {
  clientId?: string;
  contractId?: string;
  status?: Invoice['status'];
  period?: string;
}

/** Narrows with the most selective index, then filters the rest in memory. */
export function queryInvoices(ctx: DataContext, filter: InvoiceFilter = {}): Promise<Invoice[]> {
  const { db } = ctx;
  const [key, value] = (['contractId', 'clientId', 'period', 'status'] as const).map((k) => [k, filter[k]] as const).find(([, v]) => v !== undefined) ?? [];
  const base = key ? db.invoices.where(key).equals(value!) : db.invoices.toCollection();
  return base
    .filter((i) => (Object.keys(filter) as (keyof InvoiceFilter)[]).every((k) => filter[k] === undefined || i[k] === filter[k]))
    .sortBy('issueDate');
}

/** Reads of invoices (their writes are the invoicing commands, data/invoicing). */
export function invoicesRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    get: (id: string) => db.invoices.get(id),
    query: (filter?: InvoiceFilter) => queryInvoices(ctx, filter),
  };
}
