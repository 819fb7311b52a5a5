import Dexie, { type DBCore, type Middleware, type Table } from 'dexie';
import type { Client, EntityRecords, EntityType, Invoice, Letter, Mutation, Payment, PriceListRecord, UsageDocument } from '../../src-core';
import type { ClientFile } from './client-files';
import { MIGRATIONS, type Migration } from './migrations';
import type { MeasuredMonths, OverrunRow } from './read-model/overrun-index';
import type { PortfolioChunk, PortfolioDelta } from './read-model/portfolio-chunks';
import { clientStore, contractStore, tableStore, type ContractStore, type RecordStore } from './record-store';

/** Who did what, when, to which record: one entry per local change (shown in a client's history). */
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
  /** Names of the fields that changed. */
  fields?: string[];
}

/** A mutation waiting to be pushed; `seq` keeps the order they were made in. */
export interface OutboxEntry extends Mutation {
  seq?: number;
}

export interface SettingEntry {
  key: string;
  value: unknown;
}

/** Numbering state of one invoice series (used by invoicing: next number, device code…). */
export interface SeriesState {
  id: string;
  [field: string]: unknown;
}

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
  /** Each client with its contracts, one row (client-files.ts); read and written through `clients` and `contracts`. */
  declare clientFiles: Table<ClientFile, string>;
  declare priceLists: Table<PriceListRecord, string>;
  declare usage: Table<UsageDocument, string>;
  declare invoices: Table<Invoice, string>;
  declare payments: Table<Payment, string>;
  declare letters: Table<Letter, string>;
  declare audit: Table<AuditEntry, number>;
  declare outbox: Table<OutboxEntry, number>;
  declare settings: Table<SettingEntry, string>;
  declare series: Table<SeriesState, string>;
  /** Read model: the clients' summaries in a few documents, plus those changed since (read-model/portfolio-chunks.ts), kept by every write of clients, contracts and usage. */
  declare portfolioChunks: Table<PortfolioChunk, number>;
  declare portfolioDelta: Table<PortfolioDelta, string>;
  /** Read model: the contracts over their limits and each client's last measured month, derived from the summaries (read-model/overrun-index.ts). */
  declare overrunFacts: Table<OverrunRow, string>;
  declare portfolioMeasured: Table<MeasuredMonths, string>;

  readonly clients: RecordStore<Client>;
  readonly contracts: ContractStore;

  constructor(options: DatabaseOptions = {}) {
    super(options.name ?? DEFAULT_DATABASE_NAME, dexieOptions(options));
    this.use(durabilityMiddleware);
    applyMigrations(this);
    this.clients = clientStore(this.clientFiles);
    this.contracts = contractStore(this.clientFiles);
  }

  /** The stored records of a synced entity, typed by its record. */
  records<E extends EntityType>(entity: E): RecordStore<EntityRecords[E]> {
    if (entity === 'clients') return this.clients as unknown as RecordStore<EntityRecords[E]>;
    if (entity === 'contracts') return this.contracts as unknown as RecordStore<EntityRecords[E]>;
    return tableStore(this.table<EntityRecords[E], string>(entity));
  }
}

export function createDatabase(options: DatabaseOptions = {}): ContratsDb {
  return new ContratsDb(options);
}
