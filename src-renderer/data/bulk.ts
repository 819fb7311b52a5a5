import { ENTITY_LABELS, entitySchemas, generateDemoPortfolio, parseEntity, type DemoPortfolioOptions, type EntityRecords, type EntityType } from '../../src-core';
import type { ContratsDb } from './db';
import { summarizeClients } from './read-model/client-summary';
import { portfolioTables, updateSummaries } from './read-model/portfolio-chunks';
import { refreshSummaries, summaryClientOf, summaryTables } from './read-model/upkeep';

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
 * portfolio summaries of the chunk's clients are refreshed in its transaction.
 */
export async function bulkLoad<E extends EntityType>(db: ContratsDb, entity: E, records: readonly EntityRecords[E][], options: BulkLoadOptions = {}): Promise<number> {
  const valid = options.validate === false ? records : records.map((r) => parseEntity(entitySchemas[entity], r, ENTITY_LABELS[entity]));
  return putInChunks(db, entity, valid, options, (chunk) => refreshSummaries(db, chunk.map((r) => summaryClientOf(entity, r))));
}

/** `bulkPut` per chunk, each chunk's transaction also running `alongside` (read-model upkeep). */
async function putInChunks<E extends EntityType>(
  db: ContratsDb, entity: E, records: readonly EntityRecords[E][], { chunkSize = 2000, onProgress }: BulkLoadOptions, alongside: (chunk: readonly EntityRecords[E][]) => Promise<void>,
): Promise<number> {
  const table = db.entityTable(entity);
  const tables = new Set([table, ...summaryTables(db, [entity])]);
  for (let start = 0; start < records.length; start += chunkSize) {
    const chunk = records.slice(start, start + chunkSize);
    await db.transaction('rw', [...tables], async () => {
      await table.bulkPut(chunk);
      await alongside(chunk);
    });
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
    const tables = [db.clients, db.contracts, db.usage, db.invoices, db.payments, db.letters, db.priceLists, db.audit, db.outbox, ...portfolioTables(db)];
    await db.transaction('rw', tables, () => Promise.all(tables.map((t) => t.clear())));
  }
  const options_ = { ...(chunkSize ? { chunkSize } : {}), ...(onProgress ? { onProgress } : {}) };
  // The whole portfolio is at hand, so its summaries are computed in memory (not re-read per chunk)
  // and written with their clients; generated records are valid by construction (tests/unit/demo).
  const summaries = new Map(summarizeClients(portfolio.clients, portfolio.contracts, portfolio.usage).map((s) => [s.id, s]));
  const nothing = () => Promise.resolve();
  await putInChunks(db, 'priceLists', portfolio.priceLists, options_, nothing);
  const clients = await putInChunks(db, 'clients', portfolio.clients, options_, (chunk) => updateSummaries(db, chunk.map((c) => summaries.get(c.id)!)));
  const contracts = await putInChunks(db, 'contracts', portfolio.contracts, options_, nothing);
  const usage = await putInChunks(db, 'usage', portfolio.usage, options_, nothing);
  return { clients, contracts, usage };
}
