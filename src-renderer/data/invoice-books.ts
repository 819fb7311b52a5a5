import Dexie, { type Table } from 'dexie';
import type { Invoice, YearMonth } from '../../src-core';
import { primaryKeysOfAny } from './index-lookup';
import { bookKeysOf, partsOf, readBuckets, writeBuckets, type BookKey, type DirectoryTable } from './invoice-directory';

/**
 * A client's documents of one year (invoices, credit notes, surcharges),
 * stored as ONE IndexedDB row (migration v11). IndexedDB's cost is per row
 * (ARCHITECTURE.md): a first sync of 10,000 clients wrote 99,629 invoice
 * rows; as books it writes one row per client and year, and what a client
 * page or a document's page reads together (the client's documents, the
 * credit notes of an invoice) is stored together.
 *
 * Per client AND year, not per client: a book is rewritten whole at each
 * write of one of its documents, and the monthly run writes a document into
 * every client's book. A client's book would grow without bound (12 a year
 * per contract, kept ten years: C. com. L123-22) and each run would rewrite
 * all its history; a year's book stays at most 12 documents per contract plus
 * its corrections, and older years are never rewritten by a run.
 *
 * The year is the billed month's (`period`), else the document's date's (a
 * surcharge): a document whose date moves to another year when issued
 * (`datesOnIssue`) moves to that year's book, as a contract that changed
 * client moves row (writeInvoiceBooks finds the book holding it in the
 * directory, invoice-directory.ts).
 *
 * Indexes, only those the screens query, and few entries per book
 * (IndexedDB's cost is per index entry too: a book indexed by its months and
 * `[contract, month]` pairs wrote about as many entries as the rows it replaced):
 * - `[clientId+year]` (the key): a client's books (its page, its ledger, removing it);
 * - `year`: the books of a year, for the documents of a month or months
 *   (monthly run, e-invoicing and e-reporting windows, a month's PDFs) —
 *   nearly every client is billed every month, so a month's index would find
 *   the same books;
 * - no index of the documents' ids: a multi-entry one wrote an entry per
 *   document, what the books save; a document is found by id through the
 *   directory (invoice-directory.ts, since v17; books written before keep
 *   their `ids` field, unread);
 * - `contractIds` (multi-entry): a contract's documents, and those after a
 *   month (the overrun index's regularisations: books of earlier years are
 *   left unread, their year is in their key);
 * - `series` (multi-entry): the series of its issued documents (the series
 *   check of a refused issue).
 */
export interface InvoiceBook {
  clientId: string;
  /** "2026": the year of its documents' billed month (or date, without one). */
  year: string;
  invoices: Invoice[];
  contractIds: string[];
  series: string[];
}

export type { BookKey };
export type BooksTable = Table<InvoiceBook, BookKey>;

/** The books and the directory that finds a document's book by its id: written together. */
export interface InvoiceTables {
  books: BooksTable;
  directory: DirectoryTable;
}

/** The book a document belongs in. */
export function bookKeyOf(invoice: Invoice): BookKey {
  return [invoice.clientId, (invoice.period ?? invoice.issueDate).slice(0, 4)];
}

const keyText = ([clientId, year]: BookKey) => `${year}\u0000${clientId}`;
const unique = <T>(values: Iterable<T>) => [...new Set(values)];

/** A book holding `invoices` (none empty), with its indexes. */
export function bookOf([clientId, year]: BookKey, invoices: readonly Invoice[]): InvoiceBook {
  return {
    clientId,
    year,
    invoices: [...invoices],
    contractIds: unique(invoices.map((i) => i.contractId)),
    series: unique(invoices.flatMap((i) => (i.status === 'issued' && i.seriesId ? [i.seriesId] : []))),
  };
}

/** The books of whole lists of documents (a load into empty tables, the bare baseline of the bench). */
export function booksOf(invoices: readonly Invoice[]): InvoiceBook[] {
  const byBook = new Map<string, { key: BookKey; invoices: Invoice[] }>();
  for (const invoice of invoices) {
    const key = bookKeyOf(invoice);
    (byBook.get(keyText(key)) ?? byBook.set(keyText(key), { key, invoices: [] }).get(keyText(key))!).invoices.push(invoice);
  }
  return [...byBook.values()].map((b) => bookOf(b.key, b.invoices));
}

/**
 * The books a query of a multi-entry index finds, each read once: the keys
 * first (an index cursor matches a book once per entry — a year's book has
 * twelve months), then the books.
 */
export async function booksAt(books: BooksTable, keys: PromiseLike<BookKey[]>): Promise<InvoiceBook[]> {
  const found = new Map<string, BookKey>();
  for (const key of await keys) found.set(keyText(key), key);
  if (found.size === 0) return [];
  return (await books.bulkGet([...found.values()])).filter((b): b is InvoiceBook => b !== undefined);
}

/** The documents with these ids, in their order (undefined: none). */
export async function readInvoices({ books, directory }: InvoiceTables, ids: readonly string[]): Promise<(Invoice | undefined)[]> {
  if (ids.length === 0) return [];
  const located = await readBuckets(directory, ids);
  const byId = new Map<string, Invoice>();
  for (const book of await booksAt(books, Dexie.Promise.resolve(bookKeysOf(located, ids)))) for (const i of book.invoices) byId.set(i.id, i);
  return ids.map((id) => byId.get(id));
}

/** The books of a client, all years. */
export const clientBooks = (books: BooksTable, clientId: string) => books.where('[clientId+year]').between([clientId, Dexie.minKey], [clientId, Dexie.maxKey]).toArray();

/**
 * The books holding documents of these contracts, of `fromYear` and later
 * (the others are left unread: their year is in their key).
 */
export function contractBooks(books: BooksTable, contractIds: readonly string[], fromYear = ''): Promise<InvoiceBook[]> {
  if (contractIds.length === 0) return Promise.resolve([]);
  return booksAt(books, primaryKeysOfAny(books, 'contractIds', contractIds).then((keys) => keys.filter(([, year]) => year >= fromYear)));
}

/** The books of the years from `from` to `to` (months, included). */
export const yearBooks = (books: BooksTable, from: YearMonth, to: YearMonth) => books.where('year').between(from.slice(0, 4), to.slice(0, 4), true, true).toArray();

/**
 * Applies puts and deletes of documents, each book read once and written
 * once, and the directory with them. A document whose book changed
 * (another year, another client) leaves the book it was in; a book left with
 * no document is deleted. `stored: false` says no book of these documents can
 * be stored yet (a bulk load into an empty store, each client's documents
 * in one call): the books are written from the documents, and a part of the
 * directory added, nothing is read — or, with `directoryLater`, each
 * document's book collected there: a load in one transaction writes the
 * directory once at its end (a part per step and bucket made 12,800 rows of a
 * few ids each for a load of 10,000 clients, and cost it a second).
 * Runs inside the caller's read-write transaction over both tables, or in its own.
 */
export async function writeInvoiceBooks({ books, directory }: InvoiceTables, puts: readonly Invoice[], deletes: readonly string[], { stored = true, directoryLater }: { stored?: boolean; directoryLater?: Map<string, BookKey> } = {}): Promise<void> {
  if (!stored) {
    if (puts.length === 0) return;
    for (const i of puts) directoryLater?.set(i.id, bookKeyOf(i));
    await Promise.all([books.bulkPut(booksOf(puts)), directoryLater ? undefined : directory.bulkPut(partsOf(puts.map((i) => [i.id, bookKeyOf(i)])))]);
    return;
  }
  const working = new Map<string, { key: BookKey; invoices: Map<string, Invoice> }>();
  /** The book holding each document of `working`. */
  const holder = new Map<string, string>();
  const open = (key: BookKey, invoices: readonly Invoice[] = []) => {
    const k = keyText(key);
    if (!working.has(k)) {
      working.set(k, { key, invoices: new Map(invoices.map((i) => [i.id, i])) });
      for (const i of invoices) holder.set(i.id, k);
    }
    return working.get(k)!;
  };
  // The books holding these documents now (from the directory), and those they go to: read together, once.
  const ids = [...puts.map((i) => i.id), ...deletes];
  const located = await readBuckets(directory, ids);
  const held = bookKeysOf(located, ids);
  const keys = new Map([...held, ...puts.map(bookKeyOf)].map((key) => [keyText(key), key]));
  for (const book of await books.bulkGet([...keys.values()])) if (book) open([book.clientId, book.year], book.invoices);
  const without = (id: string) => {
    const k = holder.get(id);
    if (k !== undefined) working.get(k)!.invoices.delete(id);
    holder.delete(id);
  };
  for (const id of deletes) without(id);
  for (const invoice of puts) {
    without(invoice.id);
    const key = bookKeyOf(invoice);
    open(key).invoices.set(invoice.id, invoice);
    holder.set(invoice.id, keyText(key));
  }
  const written: InvoiceBook[] = [];
  const emptied: BookKey[] = [];
  for (const { key, invoices } of working.values()) {
    if (invoices.size > 0) written.push(bookOf(key, [...invoices.values()]));
    else emptied.push(key);
  }
  const moved = new Map<string, BookKey | undefined>([...deletes.map((id) => [id, undefined] as const), ...puts.map((i) => [i.id, bookKeyOf(i)] as const)]);
  await Promise.all([written.length > 0 ? books.bulkPut(written) : undefined, emptied.length > 0 ? books.bulkDelete(emptied) : undefined, writeBuckets(directory, located, moved)]);
}
