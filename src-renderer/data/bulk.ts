import { ENTITY_LABELS, entitySchemas, generateDemoPortfolio, parseEntity, type DemoPortfolioOptions, type EntityRecords, type EntityType } from '../../src-core';
import type { Table } from 'dexie';
import { rowsOf, writeClientRows, type ClientRow } from './client-rows';
import type { ContratsDb } from './db';
import { recordTables } from './record-store';
import { summarizeClients } from './read-model/client-summary';
import { portfolioTables, updateSummaries } from './read-model/portfolio-chunks';
import { refreshReadModel, regularisedContractOf, summaryClientOf, summaryTables } from './read-model/upkeep';

/** Progress of a bulk load: records written so far out of the total. */
export type BulkProgress = (progress: { entity: EntityType; written: number; total: number }) => void;

export interface BulkLoadOptions {
  /** Records per transaction (default 2,000): one transaction per record is 15–25× slower (ARCHITECTURE.md). */
  chunkSize?: number;
  /** Validates every record with its schema first (default true); a refused record stops the load before any write. */
  validate?: boolean;
  onProgress?: BulkProgress;
}

/**
 * Writes records that came from elsewhere — the server or the demo generator —
 * with `bulkPut`, one transaction per chunk. No audit entry and no outbox
 * mutation: these are not local changes and must not be pushed back. The
 * portfolio summaries of the chunk's clients (invoices: the overruns they
 * regularise) are refreshed in its transaction.
 */
export async function bulkLoad<E extends EntityType>(db: ContratsDb, entity: E, records: readonly EntityRecords[E][], options: BulkLoadOptions = {}): Promise<number> {
  const valid = options.validate === false ? records : records.map((r) => parseEntity(entitySchemas[entity], r, ENTITY_LABELS[entity]));
  const store = db.records(entity);
  const tables = new Set([...store.tables, ...summaryTables(db, [entity])]);
  return putInChunks(entity, valid, options, async (chunk) => {
    await db.transaction('rw', [...tables], async () => {
      await store.bulkPut(chunk);
      await refreshReadModel(db, chunk.map((r) => summaryClientOf(entity, r)), chunk.map((r) => regularisedContractOf(entity, r)));
    });
  });
}

/** Writes `records` by chunks (`write`: one transaction each), reporting progress as `entity`. */
async function putInChunks<T>(entity: EntityType, records: readonly T[], { chunkSize = 2000, onProgress }: BulkLoadOptions, write: (chunk: readonly T[]) => Promise<void>): Promise<number> {
  for (let start = 0; start < records.length; start += chunkSize) {
    const chunk = records.slice(start, start + chunkSize);
    await write(chunk);
    onProgress?.({ entity, written: start + chunk.length, total: records.length });
  }
  return records.length;
}

export interface DemoLoadOptions extends DemoPortfolioOptions, Omit<BulkLoadOptions, 'validate'> {
  /** Empties the entity tables, the audit and the outbox first (default false: records are merged by id). */
  replace?: boolean;
}

/**
 * Loads a generated demo portfolio. Demo data is local-only: it writes no
 * outbox mutations, so nothing is pushed to a central API by accident. To
 * send it to an empty server later, an explicit "upload the portfolio" action
 * can enqueue one create mutation per record.
 */
export async function loadDemoPortfolio(db: ContratsDb, options: DemoLoadOptions): Promise<{ clients: number; contracts: number; usage: number }> {
  const { replace = false, chunkSize, onProgress, ...generator } = options;
  const portfolio = generateDemoPortfolio(generator);
  if (replace) {
    const tables = [...recordTables(db, ['clients', 'usage', 'invoices', 'payments', 'letters', 'priceLists']), db.audit, db.outbox, ...portfolioTables(db)];
    await db.transaction('rw', tables, () => Promise.all(tables.map((t) => t.clear())));
  }
  const options_ = { ...(chunkSize ? { chunkSize } : {}), ...(onProgress ? { onProgress } : {}) };
  // The whole portfolio is at hand, so its summaries are computed in memory (not re-read per chunk)
  // and written with their clients; generated records are valid by construction (tests/unit/demo).
  const summaries = new Map(summarizeClients(portfolio.clients, portfolio.contracts, portfolio.usage, portfolio.priceLists).map((s) => [s.id, s]));
  const put = <T>(table: Table<T>) => (chunk: readonly T[]) => db.transaction('rw', table, async () => void (await table.bulkPut([...chunk])));
  await putInChunks('priceLists', portfolio.priceLists, options_, put(db.priceLists));
  // Each client with its contracts (client-rows.ts), merged into what is stored unless the tables were emptied.
  const files = rowsOf(portfolio.clients, portfolio.contracts);
  await putInChunks('clients', files, options_, (chunk) =>
    db.transaction('rw', [db.clientRows, db.invoices, ...portfolioTables(db)], async () => {
      await (replace ? db.clientRows.bulkPut([...chunk]) : writeClientRows(db.clientRows, changesOf(chunk)));
      await updateSummaries(db, chunk.flatMap((f) => summaries.get(f.id) ?? []));
    }),
  );
  await putInChunks('usage', portfolio.usage, options_, put(db.usage));
  return { clients: portfolio.clients.length, contracts: portfolio.contracts.length, usage: portfolio.usage.length };
}

const changesOf = (files: readonly ClientRow[]) => ({ clients: { puts: files.flatMap((f) => f.client ?? []) }, contracts: { puts: files.flatMap((f) => f.contracts) } });
