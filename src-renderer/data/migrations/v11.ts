import type { Transaction } from 'dexie';
import type { Invoice } from '../../../src-core';
import type { Migration } from './types';

/**
 * Version 11 (issue 20): the invoices, credit notes and surcharges are stored
 * as books, one row per client and year holding its documents
 * (`invoiceBooks`, data/invoice-books.ts), instead of one row per document
 * with five indexes: a first sync of 10,000 clients wrote 99,629 invoice rows
 * (IndexedDB's cost is per row and per index entry, ARCHITECTURE.md). The
 * key `[clientId+year]` replaces `clientId`; `year` replaces `period` (a
 * month's documents are in the books of its year); multi-entry `ids`,
 * `contractIds` (replacing `contractId` and `[contractId+period]`) and
 * `series` (of its issued documents). `status` has no index: the overdue list
 * reads every issued document, and a book holds both.
 * Frozen (issue 19): the book's shape as it is at v11 is written here, not
 * built by the live invoice-books module, whose shape may move on.
 */
interface InvoiceBookV11 {
  clientId: string;
  year: string;
  invoices: Invoice[];
  ids: string[];
  contractIds: string[];
  series: string[];
}

const unique = <T>(values: Iterable<T>) => [...new Set(values)];

/** The year of a document's book: its billed month's, else its date's. */
const yearOf = (i: Invoice) => (i.period ?? i.issueDate ?? '').slice(0, 4);

function bookV11(clientId: string, year: string, invoices: Invoice[]): InvoiceBookV11 {
  return {
    clientId,
    year,
    invoices,
    ids: invoices.map((i) => i.id),
    contractIds: unique(invoices.map((i) => i.contractId)),
    series: unique(invoices.flatMap((i) => (i.status === 'issued' && i.seriesId ? [i.seriesId] : []))),
  };
}

/** Clients whose documents are moved per step: the documents of a few hundred clients in memory at once, not the whole table. */
const CLIENTS_PER_STEP = 500;

/** Every document moved into its book, a few hundred clients at a time (read through the old `clientId` index). */
async function moveIntoBooks(tx: Transaction): Promise<void> {
  const invoices = tx.table<Invoice, string>('invoices');
  const books = tx.table<InvoiceBookV11>('invoiceBooks');
  const clientIds = (await invoices.orderBy('clientId').uniqueKeys()) as string[];
  for (let start = 0; start < clientIds.length; start += CLIENTS_PER_STEP) {
    const byBook = new Map<string, InvoiceBookV11>();
    for (const invoice of await invoices.where('clientId').anyOf(clientIds.slice(start, start + CLIENTS_PER_STEP)).toArray()) {
      const year = yearOf(invoice);
      const key = `${year}\u0000${invoice.clientId}`;
      (byBook.get(key) ?? byBook.set(key, { clientId: invoice.clientId, year, invoices: [], ids: [], contractIds: [], series: [] }).get(key)!).invoices.push(invoice);
    }
    await books.bulkPut([...byBook.values()].map((b) => bookV11(b.clientId, b.year, b.invoices)));
  }
}

export const v11: Migration = {
  version: 11,
  stores: { invoiceBooks: '[clientId+year], year, *ids, *contractIds, *series', invoices: null },
  upgrade: moveIntoBooks,
};
