import { ENTITY_LABELS, entitySchemas, generateDemoPortfolio, parseEntity, type DemoPortfolioOptions, type EntityRecords, type EntityType } from '../../src-core';
import type { ContratsDb } from './db';

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
 * mutation: these are not local changes and must not be pushed back.
 */
export async function bulkLoad<E extends EntityType>(db: ContratsDb, entity: E, records: readonly EntityRecords[E][], options: BulkLoadOptions = {}): Promise<number> {
  const { chunkSize = 2000, validate = true, onProgress } = options;
  const valid = validate ? records.map((r) => parseEntity(entitySchemas[entity], r, ENTITY_LABELS[entity])) : records;
  const table = db.entityTable(entity);
  for (let start = 0; start < valid.length; start += chunkSize) {
    const chunk = valid.slice(start, start + chunkSize);
    await db.transaction('rw', table, () => table.bulkPut(chunk));
    onProgress?.({ entity, written: start + chunk.length, total: valid.length });
  }
  return valid.length;
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
    const tables = [db.clients, db.contracts, db.usage, db.invoices, db.payments, db.letters, db.priceLists, db.audit, db.outbox];
    await db.transaction('rw', tables, () => Promise.all(tables.map((t) => t.clear())));
  }
  const options_ = { ...(chunkSize ? { chunkSize } : {}), ...(onProgress ? { onProgress } : {}) };
  // Generated records are valid by construction (tests/unit/demo checks it), so they skip validation here.
  const load = <E extends EntityType>(entity: E, records: EntityRecords[E][]) => bulkLoad(db, entity, records, { ...options_, validate: false });
  await load('priceLists', portfolio.priceLists);
  const clients = await load('clients', portfolio.clients);
  const contracts = await load('contracts', portfolio.contracts);
  const usage = await load('usage', portfolio.usage);
  return { clients, contracts, usage };
}
