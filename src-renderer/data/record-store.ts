import Dexie, { type Table } from 'dexie';
import type { Client, Contract, EntityRecords, EntityType, Invoice, WireRecord, YearMonth } from '../../src-core';
import { contractsOfClients, readClients, readContracts, writeClientRows, type ClientRow, type ClientRowChanges } from './client-rows';
import { booksAt, clientBooks, contractBooks, readInvoices, writeInvoiceBooks, yearBooks, type BookKey, type BooksTable, type InvoiceBook, type InvoiceTables } from './invoice-books';
import { countDocuments, type DirectoryTable } from './invoice-directory';

/**
 * The stored records of one synced entity, whatever rows hold them: most
 * entities have a table of their own; clients and contracts share the client
 * rows (client-rows.ts), invoices are kept in books (invoice-books.ts). Writes
 * of clients, contracts and invoices read and rewrite their rows: inside one
 * transaction, await each before the next, so that two of them never rewrite
 * the same row from the same read (`bulkWrite` does puts and deletes at once).
 */
export interface RecordStore<R> {
  /** The tables a transaction over these records must cover. */
  readonly tables: readonly Table[];
  get(id: string): Promise<R | undefined>;
  bulkGet(ids: readonly string[]): Promise<(R | undefined)[]>;
  put(record: R): Promise<void>;
  bulkPut(records: readonly R[]): Promise<void>;
  delete(id: string): Promise<void>;
  bulkDelete(ids: readonly string[]): Promise<void>;
  /** Puts and deletes together, each row read and written once. */
  bulkWrite(puts: readonly R[], deletes: readonly string[]): Promise<void>;
  toArray(): Promise<R[]>;
  /** Calls `visit` for each record without holding them all (a cursor where the rows are the records). */
  each(visit: (record: R) => void): Promise<void>;
  count(): Promise<number>;
}

export interface ContractStore extends RecordStore<Contract> {
  /** The contracts of these clients. */
  ofClients(clientIds: readonly string[]): Promise<Contract[]>;
}

export function tableStore<R extends { id: string }>(table: Table<R, string>): RecordStore<R> {
  return {
    tables: [table],
    get: (id) => table.get(id),
    bulkGet: (ids) => table.bulkGet([...ids]),
    put: async (record) => void (await table.put(record)),
    bulkPut: async (records) => void (await table.bulkPut([...records])),
    delete: (id) => table.delete(id),
    bulkDelete: (ids) => table.bulkDelete([...ids]),
    bulkWrite: async (puts, deletes) => void (await Promise.all([puts.length > 0 ? table.bulkPut([...puts]) : undefined, deletes.length > 0 ? table.bulkDelete([...deletes]) : undefined])),
    toArray: () => table.toArray(),
    each: (visit) => table.each(visit),
    count: () => table.count(),
  };
}

/** Reads, writes and lists one kind of record held in the rows (clients or contracts). */
function rowStore<R>(
  rows: Table<ClientRow, string>,
  read: (ids: readonly string[]) => Promise<(R | undefined)[]>,
  of: (row: ClientRow) => readonly R[],
  write: (puts: readonly R[], deletes: readonly string[]) => ClientRowChanges,
): RecordStore<R> {
  const all = async () => (await rows.toArray()).flatMap(of);
  return {
    tables: [rows],
    get: async (id) => (await read([id]))[0],
    bulkGet: read,
    put: (record) => writeClientRows(rows, write([record], [])),
    bulkPut: (records) => writeClientRows(rows, write(records, [])),
    delete: (id) => writeClientRows(rows, write([], [id])),
    bulkDelete: (ids) => writeClientRows(rows, write([], ids)),
    bulkWrite: (puts, deletes) => writeClientRows(rows, write(puts, deletes)),
    toArray: all,
    each: (visit) => rows.each((row) => of(row).forEach(visit)),
    count: async () => (await all()).length,
  };
}

export function clientStore(rows: Table<ClientRow, string>): RecordStore<Client> {
  return rowStore(
    rows,
    (ids) => readClients(rows, ids),
    (row) => (row.client ? [row.client] : []),
    (puts, deletes) => ({ clients: { puts, deletes } }),
  );
}

export function contractStore(rows: Table<ClientRow, string>): ContractStore {
  return {
    ...rowStore(
      rows,
      (ids) => readContracts(rows, ids),
      (row) => row.contracts,
      (puts, deletes) => ({ contracts: { puts, deletes } }),
    ),
    ofClients: (clientIds) => contractsOfClients(rows, clientIds),
  };
}

/**
 * The invoices, credit notes and surcharges, kept in books (a client's year,
 * invoice-books.ts), with the reads the screens need: each query finds the
 * books through their multi-entry indexes and keeps the documents asked for.
 */
export interface InvoiceStore extends RecordStore<Invoice> {
  /** A client's documents. */
  ofClient(clientId: string): Promise<Invoice[]>;
  /** The documents billed for a month, or for the months from `from` to `to` (included). */
  ofPeriods(from: YearMonth, to?: YearMonth): Promise<Invoice[]>;
  /** The documents of these contracts. */
  ofContracts(contractIds: readonly string[]): Promise<Invoice[]>;
  /** The documents of each contract billed after its month (excluded): what may regularise that month's overrun. */
  ofContractsAfter(contracts: readonly { contractId: string; after: YearMonth }[]): Promise<Invoice[]>;
  /** The issued documents, or those of one series. */
  issued(seriesId?: string): Promise<Invoice[]>;
}

const documentsOf = (books: readonly InvoiceBook[], keep: (invoice: Invoice) => boolean): Invoice[] => books.flatMap((b) => b.invoices.filter(keep));

/**
 * Each method's answer as a Dexie promise. A query here is a chain of async
 * steps (the keys, then the books); inside a transaction, Dexie follows its
 * zone along such a chain for a few microtasks only, and the caller's next
 * request after a long chain (the overrun index after its lookup) ran outside
 * it: the transaction committed early. Awaiting a Dexie promise brings the
 * continuation back into the zone (the write gateway's `inTransaction`).
 */
function zoned<S extends object>(store: S): S {
  return Object.fromEntries(Object.entries(store).map(([name, value]) => [name, typeof value === 'function' ? (...args: unknown[]) => Dexie.Promise.resolve((value as (...a: unknown[]) => unknown)(...args)) : value])) as S;
}

export function invoiceStore(tables: InvoiceTables): InvoiceStore {
  const { books, directory } = tables;
  const all = async () => (await books.toArray()).flatMap((b) => b.invoices);
  return zoned<InvoiceStore>({
    tables: [books, directory],
    get: async (id) => (await readInvoices(tables, [id]))[0],
    bulkGet: (ids) => readInvoices(tables, ids),
    put: (record) => writeInvoiceBooks(tables, [record], []),
    bulkPut: (records) => writeInvoiceBooks(tables, records, []),
    delete: (id) => writeInvoiceBooks(tables, [], [id]),
    bulkDelete: (ids) => writeInvoiceBooks(tables, [], ids),
    bulkWrite: (puts, deletes) => writeInvoiceBooks(tables, puts, deletes),
    toArray: all,
    each: (visit) => books.each((b) => b.invoices.forEach(visit)),
    count: () => countDocuments(directory),
    ofClient: async (clientId) => (await clientBooks(books, clientId)).flatMap((b) => b.invoices),
    ofPeriods: async (from, to = from) => {
      return documentsOf(await yearBooks(books, from, to), (i) => i.period !== undefined && i.period >= from && i.period <= to);
    },
    ofContracts: async (contractIds) => {
      const wanted = new Set(contractIds);
      return documentsOf(await contractBooks(books, contractIds), (i) => wanted.has(i.contractId));
    },
    ofContractsAfter: async (contracts) => {
      const after = new Map(contracts.map((c) => [c.contractId, c.after]));
      const fromYear = contracts.reduce((min, c) => (c.after < min ? c.after : min), contracts[0]?.after ?? '').slice(0, 4);
      return documentsOf(await contractBooks(books, [...after.keys()], fromYear), (i) => {
        const month = after.get(i.contractId);
        return month !== undefined && i.period !== undefined && i.period > month;
      });
    },
    issued: async (seriesId) =>
      seriesId === undefined
        ? (await all()).filter((i) => i.status === 'issued')
        : documentsOf(await booksAt(books, books.where('series').equals(seriesId).primaryKeys()), (i) => i.status === 'issued' && i.seriesId === seriesId),
  });
}

/**
 * What writing records needs of the database: the client rows and each
 * entity's store (db.ts's ContratsDb, which builds its stores from this
 * module — named here so that this module does not import it back).
 */
export interface RecordsDb {
  readonly clientRows: Table<ClientRow, string>;
  readonly invoiceBooks: BooksTable;
  readonly invoiceDirectory: DirectoryTable;
  records<E extends EntityType>(entity: E): RecordStore<EntityRecords[E]>;
}

/** Records of one entity to put and ids to delete (records from elsewhere: pulled, or answered by the server). */
export interface RecordWrites {
  entity: EntityType;
  puts: readonly WireRecord[];
  deletes: readonly string[];
}

const ROW_ENTITIES: ReadonlySet<EntityType> = new Set(['clients', 'contracts']);

/** Whether the entity's records live in the client rows. */
export const inClientRows = (entity: EntityType): boolean => ROW_ENTITIES.has(entity);

/** Whether a row holds several of the entity's records (client rows, invoice books): writing records one batch after another rewrites their rows. */
export const sharesRows = (entity: EntityType): boolean => inClientRows(entity) || entity === 'invoices';

/** What a write of records may skip reading. */
export interface StoredRows {
  /** False: no client row of these records can be stored yet (a first sync into empty tables), so none is read. */
  rowsStored?: boolean;
  /** False: no invoice book of these records can be stored yet (a bulk load into an empty store, each client's invoices in one write), so none is read. */
  booksStored?: boolean;
  /** With `booksStored: false`: each document's book is collected here, and the directory written once by the caller (invoice-books.ts `writeInvoiceBooks`). */
  directoryLater?: Map<string, BookKey>;
}

/**
 * Issues the writes of several entities at once: clients and contracts
 * together, each client row read and written once (`rowsStored: false` —
 * none can be stored yet — skips reading them), the other entities through
 * their stores (invoices into their books, each read and written once;
 * `booksStored: false` skips reading them). Runs inside the caller's read-write transaction.
 */
export function writeRecords(db: RecordsDb, writes: readonly RecordWrites[], { rowsStored = true, booksStored = true, directoryLater }: StoredRows = {}): Promise<unknown> {
  const rows = writes.filter((w) => inClientRows(w.entity));
  const rowChanges = Object.fromEntries(rows.map((w) => [w.entity, { puts: w.puts, deletes: w.deletes }])) as ClientRowChanges;
  return Promise.all([
    rows.length > 0 ? writeClientRows(db.clientRows, rowChanges, { stored: rowsStored }) : undefined,
    ...writes
      .filter((w) => !inClientRows(w.entity))
      .map((w) => {
        if (w.entity === 'invoices' && !booksStored) return writeInvoiceBooks({ books: db.invoiceBooks, directory: db.invoiceDirectory }, w.puts as readonly Invoice[], w.deletes, { stored: false, ...(directoryLater ? { directoryLater } : {}) });
        const store: RecordStore<WireRecord> = db.records(w.entity);
        return store.bulkWrite(w.puts, w.deletes);
      }),
  ]);
}

/** The tables holding these entities' records: what a transaction over them covers. */
export function recordTables(db: RecordsDb, entities: Iterable<EntityType>): Table[] {
  return [...new Set([...entities].flatMap((e) => db.records(e).tables))];
}
