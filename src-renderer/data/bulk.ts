import { ENTITY_LABELS, entitySchemas, generateDemoPortfolio, parseEntity, type DemoPortfolioOptions, type EntityRecords, type EntityType } from '../../src-core';
import { rowsOf } from './client-rows';
import type { ContratsDb } from './db';
import { computeReadModel } from './read-model/maintainers';
import { recordTables } from './record-store';
import { applyRecordWrites, clearRecords, FIRST_LOAD, FROM_SERVER, rebuildPendingReadModel, recordsAndReadModel, writeScope, type RecordWrite, type WriteOrigin } from './writes/gateway';

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
 * Writes records that came from elsewhere — the server — through the write
 * gateway as the server's, one transaction per chunk. No audit entry and no
 * outbox mutation: these are not local changes and must not be pushed back.
 * The read model follows each chunk in its transaction.
 */
export async function bulkLoad<E extends EntityType>(db: ContratsDb, entity: E, records: readonly EntityRecords[E][], options: BulkLoadOptions = {}): Promise<number> {
  const valid = options.validate === false ? records : records.map((r) => parseEntity(entitySchemas[entity], r, ENTITY_LABELS[entity]));
  return loadInChunks(db, entity, each(entity, valid), FROM_SERVER, options);
}

/**
 * Writes groups of records from `origin` by chunks of `chunkSize` groups, one
 * transaction each, reporting progress as `entity`. A group (a client with its
 * contracts) stays in one chunk, so that its row is written once.
 */
async function loadInChunks(
  db: ContratsDb,
  entity: EntityType,
  groups: readonly (readonly RecordWrite[])[],
  origin: WriteOrigin,
  { chunkSize = 2000, onProgress }: Omit<BulkLoadOptions, 'validate'>,
  rowsStored = true,
): Promise<number> {
  const tables = writeScope(db, new Set(groups.flatMap((g) => g.map((w) => w.entity))), origin);
  for (let start = 0; start < groups.length; start += chunkSize) {
    const chunk = groups.slice(start, start + chunkSize);
    await db.transaction('rw', tables, () => applyRecordWrites(db, chunk.flat(), origin, { rowsStored }));
    onProgress?.({ entity, written: start + chunk.length, total: groups.length });
  }
  return groups.length;
}

/**
 * One group per record. `stored`: whether the store may hold them already
 * (merged by id): then their `before` is left out and the write gateway reads
 * it; into empty tables, none is stored, and nothing is read.
 */
const each = (entity: EntityType, records: readonly object[], stored = true): RecordWrite[][] =>
  records.map((after) => [(stored ? { entity, after } : { entity, before: undefined, after }) as RecordWrite]);

export interface DemoLoadOptions extends DemoPortfolioOptions, Omit<BulkLoadOptions, 'validate'> {
  /** Empties the entity tables, the audit and the outbox first (default false: records are merged by id). */
  replace?: boolean;
}

const DEMO_ENTITIES: readonly EntityType[] = ['clients', 'contracts', 'usage', 'invoices', 'payments', 'letters', 'priceLists'];

/**
 * Loads a generated demo portfolio. Demo data is local-only: it writes no
 * outbox mutations, so nothing is pushed to a central API by accident. To
 * send it to an empty server later, an explicit "upload the portfolio" action
 * can enqueue one create mutation per record. A first load for the gateway:
 * the read model is rebuilt once at the end — from the portfolio in hand when
 * the tables were empty (or emptied), else from the stored records.
 */
export async function loadDemoPortfolio(db: ContratsDb, options: DemoLoadOptions): Promise<{ clients: number; contracts: number; usage: number }> {
  const { replace = false, chunkSize, onProgress, ...generator } = options;
  const portfolio = generateDemoPortfolio(generator);
  if (replace) {
    const tables = [...recordsAndReadModel(db, DEMO_ENTITIES), db.audit, db.outbox];
    await db.transaction('rw', tables, () => Promise.all([clearRecords(db, DEMO_ENTITIES), db.audit.clear(), db.outbox.clear()]));
  }
  const whole = replace || (await Promise.all(recordTables(db, ['clients', 'usage']).map((t) => t.count()))).every((n) => n === 0);
  const options_ = { ...(chunkSize ? { chunkSize } : {}), ...(onProgress ? { onProgress } : {}) };
  // Generated records are valid by construction (tests/unit/demo).
  // Price lists may be stored even in an empty portfolio (the built-in one is seeded when the data layer opens).
  await loadInChunks(db, 'priceLists', each('priceLists', portfolio.priceLists), FIRST_LOAD, options_);
  // Each client with its contracts in one chunk (client-rows.ts): its row written once, not read when none can be stored.
  const rows = rowsOf(portfolio.clients, portfolio.contracts).map((r) => [...each('clients', r.client ? [r.client] : [], !whole), ...each('contracts', r.contracts, !whole)].flat());
  await loadInChunks(db, 'clients', rows, FIRST_LOAD, options_, !whole);
  await loadInChunks(db, 'usage', each('usage', portfolio.usage, !whole), FIRST_LOAD, options_);
  await rebuildPendingReadModel(db, whole ? async () => computeReadModel(portfolio) : undefined);
  return { clients: portfolio.clients.length, contracts: portfolio.contracts.length, usage: portfolio.usage.length };
}
