import Dexie, { type DBCore, type Middleware, type Table } from 'dexie';
import { messageFr, type BucketDigests, type Client, type EntityRecords, type EntityType, type Letter, type Message, type MessageCode, type MessageParam, type Mutation, type Payment, type PriceListRecord, type UsageDocument, type YearMonth } from '../../src-core';
import type { ClientRow } from './client-rows';
import type { BooksTable } from './invoice-books';
import type { DirectoryTable } from './invoice-directory';
import { MIGRATIONS, type Migration } from './migrations';
import type { ClientSummary, ContractSummary } from './read-model/client-summary';
import { clientStore, contractStore, invoiceStore, tableStore, type ContractStore, type InvoiceStore, type RecordStore } from './record-store';

/** Who did what, when, to which record: one entry per local change (shown in a client's history). */
/** A history line as an audit entry stores it, for what is written beside the write gateway: its French, and the same as a message code (issue 19). */
export function historyLine(said: Message, summary = messageFr(said)): Pick<AuditEntry, 'summary' | 'code' | 'params'> {
  return { summary, code: said.code, ...(said.params ? { params: said.params } : {}) };
}

export interface AuditEntry {
  seq?: number;
  /** Instant of the change (laptop clock). */
  at: string;
  actor: string;
  entity: EntityType | 'settings';
  recordId: string;
  /** The client the record belongs to, when there is one (indexed since v2). */
  clientId?: string;
  /** 'create', 'update', 'delete' or a domain action ('tier_change', 'termination_notice'…). */
  action: string;
  /** One French sentence for the history screen. */
  summary: string;
  /** The same sentence as a message code and its values, said in the interface's language (issue 19); absent on entries written before, and on those written only in French. */
  code?: MessageCode;
  params?: Record<string, MessageParam>;
  /** Names of the fields that changed. */
  fields?: string[];
  /**
   * A grouped entry (v13): the history lines of many records written by one
   * action (a step of a usage import), stored as ONE row — IndexedDB's cost is
   * per row, and 11,000 entries took longer to write than the documents they
   * describe. Found by its clients and records (multi-entry indexes); the
   * history reads it back as one entry per record (repositories/audit.ts).
   */
  lines?: AuditLine[];
  clientIds?: string[];
  recordIds?: string[];
}

/** One record's line in a grouped audit entry: what a single entry would have said of it. */
export interface AuditLine {
  recordId: string;
  clientId?: string;
  summary: string;
  /** The line's message code and values (see AuditEntry.code), when it was written as one. */
  code?: MessageCode;
  params?: Record<string, MessageParam>;
  fields?: string[];
}

/** A mutation waiting to be pushed; `seq` keeps the order they were made in (a packed one's is its pack's). */
export interface OutboxEntry extends Mutation {
  seq?: number;
}

/**
 * The mutations of one step of a long action (a usage import's 1,000
 * documents) stored as ONE outbox row (v16): IndexedDB's cost is per row, and
 * 10,000 rows took longer to store than the documents they carry. Read back
 * as one entry per mutation, in order (outbox.ts): the push, the rebase, the
 * conflicts and the set-aside rows see each mutation as before. `size`
 * (indexed) counts them without reading the pack; `madeAt` is its first's.
 */
export interface OutboxPack {
  seq?: number;
  pack: Mutation[];
  size: number;
  madeAt: string;
}

/** A row of the outbox: one mutation, or a pack of them. */
export type OutboxRow = OutboxEntry | OutboxPack;

/** A setting of the account manager (seller profile, rules, envelopes…): repositories/settings.ts. */
export interface SettingEntry {
  key: string;
  value: unknown;
}

/** A row of the sync engine's bookkeeping (device id, cursors, conflicts, set-aside mutations…): sync-state/keys.ts. */
export interface SyncStateEntry {
  key: string;
  value: unknown;
}

/** Numbering state of one invoice series (used by invoicing: next number, device code…). */
export interface SeriesState {
  id: string;
  [field: string]: unknown;
}

/** A row of the overrun index (read-model/overrun-index.ts): a contract with a month over its limits among its last measured ones. */
export interface OverrunRow {
  /** The contract's id. */
  id: string;
  clientId: string;
  clientName: string;
  contract: ContractSummary;
  /** Months of its facts. */
  months: YearMonth[];
  /** Those of `months` a stored invoice of the contract regularises (its supplement line is billed, draft or issued). */
  regularised: YearMonth[];
}

export type MeasuredMonths =
  /** Client id → its contracts' latest measured month (clients with no usage are absent). */
  | { id: 'clients'; byClient: Record<string, YearMonth> }
  /** Last measured month → how many clients have it as their last. */
  | { id: 'months'; clients: Record<YearMonth, number> };

/** A document of the portfolio read model (read-model/portfolio-chunks.ts): the summaries of the clients whose id hashes to it. */
export interface PortfolioChunk {
  /** 0 … PORTFOLIO_CHUNKS − 1, or HEAD_ID: the list's first screen (read-model/portfolio-chunks.ts). */
  id: number;
  rows: ClientSummary[];
}

/** A client's summary written since the last fold; `null`: the client is gone. */
export interface PortfolioDelta {
  id: string;
  summary: ClientSummary | null;
}

/** The contracts with an invoice billed for a month, and how many each (read-model/invoiced-months.ts, since v15). */
export interface InvoicedMonth {
  month: YearMonth;
  contracts: Record<string, number>;
}

/** The reconciliation digests of one synced entity (read-model/record-digests.ts): per bucket of ids, a count and two hash sums. */
export type DigestRow = { entity: EntityType } & BucketDigests;

/** The record store of each synced entity, typed by its record: what `db.records(entity)` answers. */
export type RecordStores = { [E in EntityType]: RecordStore<EntityRecords[E]> };

export interface DatabaseOptions {
  /** IndexedDB database name; default "contrats". */
  name?: string;
  /** IndexedDB implementation (tests pass fake-indexeddb's); default the browser's. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export const DEFAULT_DATABASE_NAME = 'contrats';

/** Declares `migrations` on `db`, in order. Tests use it with a prefix of MIGRATIONS to build an old database. */
export function applyMigrations(db: Dexie, migrations: readonly Migration[] = MIGRATIONS): void {
  for (const m of migrations) {
    const version = db.version(m.version).stores(m.stores);
    if (m.upgrade) version.upgrade(m.upgrade);
  }
}

/** Dexie options shared by the current and the test-only old databases. */
export function dexieOptions(options: DatabaseOptions) {
  return {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  };
}

/** Tables only a local change writes: every local change writes its audit entry with its record and outbox mutation; issuing moves a series. */
const LOCAL_CHANGE_TABLES: ReadonlySet<string> = new Set(['audit', 'series']);

/**
 * Durability chosen per transaction (Dexie's own option is per database).
 * A local change must survive a power cut right after the account manager
 * saw "enregistré" (ARCHITECTURE.md: outbox writes strict): a read-write
 * transaction over the audit or the invoice series is flushed to disk before
 * it completes. The others write what came from elsewhere or can be redone —
 * pulled pages with their cursor (a page lost is pulled again), the read
 * model, bulk loads — and are relaxed: a flush per page cost about 7 % of a
 * first sync (bench, 10,000 clients). IndexedDB commits in order, so a relaxed
 * commit is never lost while a later strict one is kept.
 */
const durabilityMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'durabilityPerTransaction',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      mode === 'readwrite' ? down.transaction(stores, mode, { ...options, durability: stores.some((s) => LOCAL_CHANGE_TABLES.has(s)) ? 'strict' : 'relaxed' }) : down.transaction(stores, mode, options),
  }),
};

export class ContratsDb extends Dexie {
  declare priceLists: Table<PriceListRecord, string>;
  declare usage: Table<UsageDocument, string>;
  declare payments: Table<Payment, string>;
  declare letters: Table<Letter, string>;
  declare audit: Table<AuditEntry, number>;
  declare outbox: Table<OutboxRow, number>;
  declare settings: Table<SettingEntry, string>;
  /** What the sync engine keeps (since v9; sync-state/keys.ts): the device id, cursors, conflicts, set-aside mutations… */
  declare syncState: Table<SyncStateEntry, string>;
  declare series: Table<SeriesState, string>;
  /** Read model: the clients' summaries in a few documents, plus those changed since (read-model/portfolio-chunks.ts), kept by every write of clients, contracts and usage. */
  declare portfolioChunks: Table<PortfolioChunk, number>;
  declare portfolioDelta: Table<PortfolioDelta, string>;
  /** Read model: the contracts over their limits and each client's last measured month, derived from the summaries (read-model/overrun-index.ts). */
  declare overrunFacts: Table<OverrunRow, string>;
  declare portfolioMeasured: Table<MeasuredMonths, string>;
  /** Read model: the reconciliation digests, per entity and bucket, kept by every record write (read-model/record-digests.ts). */
  declare digests: Table<DigestRow, string>;
  /** Read model: each billed month's invoiced contracts, kept by every record write (read-model/invoiced-months.ts). */
  declare invoicedMonths: Table<InvoicedMonth, string>;

  /**
   * Each client with its contracts, one row (client-rows.ts); read and written
   * through `clients` and `contracts`. The IndexedDB store keeps the name it
   * was given in v6, `clientFiles`: renaming a store copies every row on upgrade.
   */
  readonly clientRows: Table<ClientRow, string>;
  readonly clients: RecordStore<Client>;
  readonly contracts: ContractStore;
  /** Each client's documents of a year, one row (invoice-books.ts, since v11); read and written through `invoices`. */
  readonly invoiceBooks: BooksTable;
  /** Which book holds each document, by its id (invoice-directory.ts, since v17). */
  readonly invoiceDirectory: DirectoryTable;
  readonly invoices: InvoiceStore;
  private readonly stores: RecordStores;

  constructor(options: DatabaseOptions = {}) {
    super(options.name ?? DEFAULT_DATABASE_NAME, dexieOptions(options));
    this.use(durabilityMiddleware);
    applyMigrations(this);
    this.clientRows = this.table('clientFiles');
    this.clients = clientStore(this.clientRows);
    this.contracts = contractStore(this.clientRows);
    this.invoiceBooks = this.table('invoiceBooks');
    this.invoiceDirectory = this.table('invoiceDirectory');
    this.invoices = invoiceStore({ books: this.invoiceBooks, directory: this.invoiceDirectory });
    this.stores = {
      clients: this.clients,
      contracts: this.contracts,
      priceLists: tableStore(this.priceLists),
      usage: tableStore(this.usage),
      invoices: this.invoices,
      payments: tableStore(this.payments),
      letters: tableStore(this.letters),
    };
  }

  /**
   * The stored records of a synced entity, typed by its record. For an
   * entity known at run time only (sync code), the union of the stores is a
   * `RecordStore<WireRecord>`: every stored record is a valid wire record.
   */
  records<E extends EntityType>(entity: E): RecordStores[E] {
    return this.stores[entity];
  }
}

export function createDatabase(options: DatabaseOptions = {}): ContratsDb {
  return new ContratsDb(options);
}
