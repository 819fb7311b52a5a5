// The bench measures the bare baseline of the issues (a plain Dexie bulkPut), so
// this module talks to Dexie directly; eslint.config.js allows it for src-renderer/bench only.
import Dexie from 'dexie';
import { bulkLoadRecords, loadDemoPortfolio } from '../data/bulk';
import { rowsOf } from '../data/client-rows';
import { bookKeyOf, booksOf } from '../data/invoice-books';
import { partsOf } from '../data/invoice-directory';
import { createDatabase, DEFAULT_DATABASE_NAME } from '../data/db';
import { MIGRATIONS } from '../data/migrations';
import { generateDemoPortfolio, type EntityType, type IsoDate } from '../../src-core';
import type { BenchPortfolio } from './invoices';

/** Milliseconds per table and in all, for one write of the portfolio. */
export interface WriteTiming {
  totalMs: number;
  byTable: Record<string, number>;
  /** Rows written per table, where they are not the records (the bare write of the app's layout). */
  rows?: Record<string, number>;
}

/** The synced tables in the order a first sync would need them: clients and contracts first. */
const TABLES = ['priceLists', 'clients', 'contracts', 'usage', 'invoices'] as const satisfies readonly (EntityType & keyof BenchPortfolio)[];

/** The same records in the app's tables: clients and contracts share the client files, invoices are in books, found by id through the directory. */
const BARE_TABLES = ['priceLists', 'clientFiles', 'usage', 'invoiceBooks', 'invoiceDirectory'] as const;

/** The app's current schema, every migration folded: the bare baseline writes into the same tables and indexes. */
function currentStores(): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const m of MIGRATIONS) for (const [table, spec] of Object.entries(m.stores)) if (spec === null) delete stores[table]; else stores[table] = spec;
  return stores;
}

/** Runs the writes in order, timing each under its name. */
async function timed<N extends string>(names: readonly N[], write: (name: N) => Promise<unknown>): Promise<WriteTiming> {
  const byTable: Record<string, number> = {};
  const start = performance.now();
  for (const name of names) {
    const t0 = performance.now();
    await write(name);
    byTable[name] = performance.now() - t0;
  }
  return { totalMs: performance.now() - start, byTable };
}

/**
 * The baseline of the sync issue: one plain `bulkPut` of all records per table,
 * Dexie's defaults (the browser's default durability), no validation, no
 * chunking, into an empty database with the app's tables and indexes — the
 * records in the app's own layout, grouped before the clock starts: the
 * clients with their contracts, one row per client (data/client-rows.ts), the
 * invoices in books, one row per client and year (data/invoice-books.ts),
 * and the directory of their ids (one row per bucket, data/invoice-directory.ts).
 */
export async function bareBulkPut(portfolio: BenchPortfolio, name: string): Promise<WriteTiming> {
  await Dexie.delete(name);
  const db = new Dexie(name);
  db.version(1).stores(currentStores());
  await db.open();
  const rows = { priceLists: portfolio.priceLists, clientFiles: rowsOf(portfolio.clients, portfolio.contracts), usage: portfolio.usage, invoiceBooks: booksOf(portfolio.invoices), invoiceDirectory: partsOf(portfolio.invoices.map((i) => [i.id, bookKeyOf(i)])) };
  try {
    const timing = await timed(BARE_TABLES, (table) => db.table(table).bulkPut(rows[table]));
    return { ...timing, rows: Object.fromEntries(BARE_TABLES.map((table) => [table, rows[table].length])) };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

/**
 * Opens the app's database (created empty, every table and index) before the
 * clock starts, as the bare baseline opens its own, answering how long that
 * took: in the app the database is open long before a first sync or a demo
 * load (the data layer opens it at start), and creating it weighed a fixed
 * cost on the small portfolio's figure that no load pays.
 */
async function opened(db: Dexie): Promise<number> {
  const t0 = performance.now();
  await db.open();
  return performance.now() - t0;
}

/**
 * The app's own writer of records that come from elsewhere (data/bulk.ts
 * `bulkLoadRecords`: schema validation, each client's row and books written
 * once, relaxed durability, the read model computed once), into a database
 * with the app's tables: into a scratch one named `name`, deleted after as the
 * bare baseline's is; without a name into the app's database, replacing it
 * and kept: what a first sync writes, and what the UI benchmarks then open.
 * Its steps are issued one after the other without waiting, so no per-table
 * time is told: `records` until the last step is stored (the read model is
 * written while the last steps are), then `readModel` (the digests' and
 * invoiced months' rows, the commit).
 */
export async function appBulkLoad(portfolio: BenchPortfolio, name?: string): Promise<WriteTiming> {
  const databaseName = name ?? DEFAULT_DATABASE_NAME;
  await Dexie.delete(databaseName);
  const db = createDatabase({ name: databaseName });
  try {
    const records = Object.fromEntries(TABLES.map((table) => [table, portfolio[table]]));
    const openMs = await opened(db);
    const start = performance.now();
    let stored = start;
    await bulkLoadRecords(db, records, { onProgress: () => void (stored = performance.now()) });
    const totalMs = performance.now() - start;
    return { totalMs, byTable: { records: stored - start, readModel: totalMs - (stored - start), openBefore: openMs } };
  } finally {
    db.close();
    if (name !== undefined) await Dexie.delete(name);
  }
}

/**
 * The "load demo data" action of the app (data/bulk.ts), generation included,
 * into a scratch database; its phases: `records` until the last part is
 * stored (the read model written while it is), `readModel` then (the
 * digests' and invoiced months' rows, the commit), and
 * `generationAlone`, the same portfolio generated beforehand with nothing
 * written (the share of the load spent making it).
 */
export async function appDemoLoader(options: { seed: number; clients: number; today: IsoDate }, name: string): Promise<WriteTiming> {
  await Dexie.delete(name);
  const generated = performance.now();
  generateDemoPortfolio(options);
  const generationAlone = performance.now() - generated;
  const db = createDatabase({ name });
  try {
    const openMs = await opened(db);
    const start = performance.now();
    let stored = start;
    await loadDemoPortfolio(db, { ...options, onProgress: () => void (stored = performance.now()) });
    const totalMs = performance.now() - start;
    return { totalMs, byTable: { records: stored - start, readModel: totalMs - (stored - start), generationAlone, openBefore: openMs } };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}
