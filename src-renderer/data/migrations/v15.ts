import type { Transaction } from 'dexie';
import type { Invoice } from '../../../src-core';
import type { Migration } from './types';

/**
 * Version 15 (issue 20): `invoicedMonths`, a small row per billed month
 * counting each contract's invoices of that month (credit notes and
 * surcharges apart), which the monthly run's "already billed" check reads
 * instead of every book of the year (read-model/invoiced-months.ts). Built
 * here from the books, a few hundred at a time. Version 14 belongs to
 * another change made at the same time: Dexie applies the declared versions
 * in order, gaps included.
 * Frozen (issue 19): the shapes it reads and writes are written here.
 */
interface BookV15 {
  invoices: Invoice[];
}

interface InvoicedMonthV15 {
  month: string;
  contracts: Record<string, number>;
}

async function countInvoicedMonths(tx: Transaction): Promise<void> {
  const months = new Map<string, Record<string, number>>();
  await tx.table<BookV15>('invoiceBooks').each((book) => {
    for (const invoice of book.invoices) {
      if (invoice.kind !== 'invoice' || !invoice.period) continue;
      const contracts = months.get(invoice.period) ?? months.set(invoice.period, {}).get(invoice.period)!;
      contracts[invoice.contractId] = (contracts[invoice.contractId] ?? 0) + 1;
    }
  });
  await tx.table<InvoicedMonthV15, string>('invoicedMonths').bulkPut([...months].map(([month, contracts]) => ({ month, contracts })));
}

export const v15: Migration = {
  version: 15,
  stores: { invoicedMonths: 'month' },
  upgrade: countInvoicedMonths,
};
