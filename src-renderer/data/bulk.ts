import { ENTITY_LABELS, entitySchemas, generateDemoPortfolio, parseEntity, type DemoPortfolioOptions, type EntityRecords, type EntityType, type Invoice } from '../../src-core';
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
 * The read model follows each chunk in its transaction. A client's invoices
 * stay in one chunk (`byClient`): each of its books is read and written once.
 */
export async function bulkLoad<E extends EntityType>(db: ContratsDb, entity: E, records: readonly EntityRecords[E][], options: BulkLoadOptions = {}): Promise<number> {
  const valid = options.validate === false ? records : records.map((r) => parseEntity(entitySchemas[entity], r, ENTITY_LABELS[entity]));
  const groups = entity === 'invoices' ? byClient(valid as readonly Invoice[]).map((invoices) => each(entity, invoices).flat()) : each(entity, valid);
  // Chunks and progress counted in records, whatever their groups.
  return loadInChunks(db, entity, groups, FROM_SERVER, options, true, (group) => group.length);
}

/** Documents grouped by client, in the order their clients first come. */
function byClient(invoices: readonly Invoice[]): Invoice[][] {
  const groups = new Map<string, Invoice[]>();
  for (const invoice of invoices) (groups.get(invoice.clientId) ?? groups.set(invoice.clientId, []).get(invoice.clientId)!).push(invoice);
  return [...groups.values()];
}

type Group = readonly RecordWrite[];

/**
 * Writes groups of records from `origin` by chunks of `chunkSize` (counted by
 * `size`: groups, unless told), one transaction each, reporting progress as
 * `entity`, in the same unit. A group (a client with its contracts, a client's
 * invoices) stays in one chunk, so that its rows are written once.
 */
async function loadInChunks(
  db: ContratsDb,
  entity: EntityType,
  groups: readonly Group[],
  origin: WriteOrigin,
  { chunkSize = 2000, onProgress }: Omit<BulkLoadOptions, 'validate'>,
  rowsStored = true,
  size: (group: Group) => number = () => 1,
): Promise<number> {
  const tables = writeScope(db, new Set(groups.flatMap((g) => g.map((w) => w.entity))), origin);
  const total = groups.reduce((n, g) => n + size(g), 0);
  let written = 0;
  for (let start = 0; start < groups.length; ) {
    let end = start;
    for (let n = 0; end < groups.length && (n === 0 || n + size(groups[end]!) <= chunkSize); end++) n += size(groups[end]!);
    const chunk = groups.slice(start, end);
    await db.transaction('rw', tables, () => applyRecordWrites(db, chunk.flat(), origin, { rowsStored }));
    written += chunk.reduce((n, g) => n + size(g), 0);
    onProgress?.({ entity, written, total });
    start = end;
  }
  return total;
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
