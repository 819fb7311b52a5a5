import type { Table } from 'dexie';
import { mutationSchema, type EntityRecords, type EntityType, type WireRecord } from '../../../src-core';
import type { DataContext } from '../context';
import type { AuditEntry, ContratsDb, OutboxEntry } from '../db';
import { allReadModelTables, computeReadModel, maintainersOf, ownReadModelTables, readModelTables, READ_MODEL, type AppliedWrite, type ComputedReadModel, type ReadModelSources } from '../read-model/maintainers';
import { recordTables, writeRecords, type RecordWrites } from '../record-store';

/**
 * The one gateway every record write passes through (ARCHITECTURE.md, data
 * flow 4): commands, pulled pages, push answers, conflict resolutions and
 * bulk loads hand it the records they write, and it writes them — clients
 * and contracts into their files, each file read and written once —, adds
 * the audit entries and outbox mutations of a local change, and keeps the
 * read model (read-model/maintainers.ts) in the same transaction. Where the
 * records come from decides how (`WriteOrigin`), never a flag of the caller:
 * - `local` (a command): audit entry and outbox mutation per record, read model followed;
 * - `server` (pulled pages, push answers, records loaded from the server): no audit, no outbox, read model followed;
 * - `first-load` (a new laptop's first sync, the demo data): no audit, no outbox, and the read model
 *   is not followed page by page but marked pending in the same transaction and rebuilt once at the
 *   end (`rebuildPendingReadModel`) — the first sync's speed-up.
 * It runs inside the caller's read-write transaction, which covers `writeScope`.
 */
export type WriteOrigin = { kind: 'local'; ctx: DataContext } | { kind: 'server' } | { kind: 'first-load' };

export const localChange = (ctx: DataContext): WriteOrigin => ({ kind: 'local', ctx });
export const FROM_SERVER: WriteOrigin = { kind: 'server' };
export const FIRST_LOAD: WriteOrigin = { kind: 'first-load' };

/** One record written: `after` null deletes it. A local change carries its history line. */
export interface RecordWrite<E extends EntityType = EntityType> {
  entity: E;
  /** The stored record before, when the writer read it (a local change always does; its version is the mutation's base). */
  before?: EntityRecords[E] | undefined;
  after: EntityRecords[E] | null;
  /** The record's id when neither `before` nor `after` is given (a delete of a record not read). */
  id?: string;
  /** Required for a local change: who, what, the history's sentence, and the client the entry is filed under. */
  audit?: { actor: string; action: string; summary: string; clientId?: string };
}

export interface WriteOptions {
  /** Called after each step of a long write (records written so far, out of the total when known). */
  onProgress?: (progress: { written: number; total: number }) => void;
  /** False: no client file of these records can be stored yet (a first sync into empty tables), so none is read. */
  filesStored?: boolean;
  /** Runs once the first step's writes are issued, while IndexedDB stores them: work that needs no database. */
  whileWriting?: () => void;
}

/**
 * The settings row that says the read model waits for its rebuild: set by a
 * first load in the same transaction as its records, cleared by the rebuild.
 * A crash in between leaves it set, and the next rebuild runs. (Its key is the
 * one of the sync bookkeeping, where it was born.)
 */
export const READ_MODEL_PENDING = 'sync.summariesPending';

/** Records per step when a caller follows the progress: large enough to amortise a request, small enough to report. */
export const WRITE_STEP = 250;

/** The tables a read-write transaction writing `entities` from `origin` must cover. */
export function writeScope(db: ContratsDb, entities: Iterable<EntityType>, origin: WriteOrigin): Table[] {
  const list = [...entities];
  return [
    ...new Set([
      ...recordTables(db, list),
      ...(origin.kind === 'local' ? [db.audit, db.outbox] : []),
      ...(origin.kind === 'first-load' ? [db.settings] : readModelTables(db, list)),
    ]),
  ];
}

/**
 * A long write given a step at a time: each call answers the next step, or
 * undefined — synchronously — when done (it may read the following step
 * while this one is written). Not an async iterator: inside a Dexie
 * transaction, awaiting a promise that waits on no IndexedDB request (an
 * async generator's, a last empty step's) lets the transaction commit early.
 */
export type WriteSteps = () => Promise<readonly RecordWrite[]> | undefined;

/** Writes `writes` (or each step of them, as they come), then keeps the read model; inside the caller's transaction over `writeScope`. */
export async function applyRecordWrites(db: ContratsDb, writes: readonly RecordWrite[] | WriteSteps, origin: WriteOrigin, options: WriteOptions = {}): Promise<void> {
  const applied: AppliedWrite[] = [];
  let whileWriting = options.whileWriting;
  let total = 0;
  const write = async (step: readonly RecordWrite[]) => {
    const issued = writeStep(db, step, origin, options.filesStored ?? true);
    whileWriting?.();
    whileWriting = undefined;
    await issued;
    for (const w of step) applied.push({ entity: w.entity, id: idOf(w), before: w.before, after: w.after });
    options.onProgress?.({ written: applied.length, total: Math.max(total, applied.length) });
  };
  if (typeof writes === 'function') {
    for (let step = writes(); step; step = writes()) await write(await step);
  } else {
    total = writes.length;
    options.onProgress?.({ written: 0, total });
    // A caller that follows the progress gets it between steps; the others, one step.
    const size = options.onProgress ? WRITE_STEP : Math.max(writes.length, 1);
    for (let start = 0; start < writes.length; start += size) await write(writes.slice(start, start + size));
  }
  whileWriting?.();
  if (applied.length === 0) return;
  if (origin.kind === 'first-load') {
    if (maintainersOf(applied.map((w) => w.entity)).length > 0) await db.settings.put({ key: READ_MODEL_PENDING, value: true });
    return;
  }
  for (const maintainer of maintainersOf(applied.map((w) => w.entity))) await maintainer.follow(db, applied);
}

const idOf = (w: RecordWrite) => w.id ?? (w.after ?? w.before)!.id;

/** Top-level fields whose value differs (records are JSON, so JSON equality is the right one). */
export function changedFields(before: object | undefined, after: object | null): string[] {
  if (!after) return [];
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => k !== 'updatedAt' && JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
}

/** One step: the records (each written in its last state), and for a local change the audit entries and mutations, as bulk requests issued together. */
function writeStep(db: ContratsDb, step: readonly RecordWrite[], origin: WriteOrigin, filesStored: boolean): Promise<unknown> {
  const last = new Map<EntityType, Map<string, WireRecord | null>>();
  for (const w of step) {
    const records = last.get(w.entity) ?? last.set(w.entity, new Map()).get(w.entity)!;
    const id = idOf(w);
    // Deleted then written again in one step: the write stands (a Map keeps the first position, so re-insert).
    records.delete(id);
    records.set(id, w.after as WireRecord | null);
  }
  const recordWrites: RecordWrites[] = [...last].map(([entity, records]) => ({
    entity,
    puts: [...records.values()].filter((r): r is WireRecord => r !== null),
    deletes: [...records].filter(([, r]) => r === null).map(([id]) => id),
  }));
  const requests: Promise<unknown>[] = [writeRecords(db, recordWrites, { filesStored })];
  if (origin.kind === 'local') {
    const { audit, outbox } = historyOf(origin.ctx, step);
    requests.push(db.audit.bulkAdd(audit), db.outbox.bulkAdd(outbox));
  }
  // Issued together: IndexedDB runs them in order, and the next request is ready while one is being stored.
  return Promise.all(requests);
}

/** The audit entry and the outbox mutation of each local write, in order. */
function historyOf(ctx: DataContext, step: readonly RecordWrite[]): { audit: AuditEntry[]; outbox: OutboxEntry[] } {
  const at = ctx.now();
  const audit: AuditEntry[] = [];
  const outbox: OutboxEntry[] = [];
  for (const w of step) {
    if (!w.audit) throw new Error(`Écriture locale sans ligne d’historique : ${w.entity} ${idOf(w)}.`);
    const recordId = idOf(w);
    const fields = changedFields(w.before, w.after);
    const { actor, action, summary, clientId } = w.audit;
    audit.push({ at, actor, entity: w.entity, recordId, ...(clientId ? { clientId } : {}), action, summary, fields });
    const after = w.after as Record<string, unknown> | null;
    // A created record travels whole; an updated one carries only what changed; `undefined` (a removed
    // optional field) is sent as null so that the server clears it too.
    const changes = after ? Object.fromEntries((w.before ? fields : Object.keys(after)).map((k) => [k, after[k] ?? null])) : {};
    outbox.push(
      mutationSchema.parse({
        mutationId: ctx.newId(),
        deviceId: ctx.deviceId,
        entity: w.entity,
        recordId,
        op: w.after ? 'upsert' : 'delete',
        baseVersion: (w.before as { version?: number } | undefined)?.version ?? 0,
        changes,
        madeAt: at,
      }),
    );
  }
  return { audit, outbox };
}

/**
 * Rebuilds every part of the read model, in one read-write transaction that
 * also clears the pending mark, when a first load (this one or a crashed
 * earlier one) deferred it; false (nothing done) otherwise. `fromMemory`
 * answers the model computed from what the caller holds, or null when that
 * is not the whole story — then it is computed from the stored records.
 */
export async function rebuildPendingReadModel(db: ContratsDb, fromMemory?: () => Promise<ComputedReadModel | null>): Promise<boolean> {
  if (!(await db.settings.get(READ_MODEL_PENDING))) return false;
  await db.transaction('rw', [...allReadModelTables(db), db.settings, db.outbox], async () => {
    if (!(await db.settings.get(READ_MODEL_PENDING))) return;
    const computed = (fromMemory && (await fromMemory())) ?? computeReadModel(await sourcesFromRecords(db));
    for (const maintainer of READ_MODEL) await maintainer.replace(db, computed.get(maintainer.name));
    await db.settings.delete(READ_MODEL_PENDING);
  });
  return true;
}

async function sourcesFromRecords(db: ContratsDb): Promise<ReadModelSources> {
  const [files, usage] = await Promise.all([db.clientFiles.toArray(), db.usage.toArray()]);
  return { clients: files.flatMap((f) => f.client ?? []), contracts: files.flatMap((f) => f.contracts), usage };
}

/** Every table a wipe of the records empties: the records and the whole read model (the caller's transaction covers them). */
export function recordsAndReadModel(db: ContratsDb, entities: readonly EntityType[]): Table[] {
  return [...new Set([...recordTables(db, entities), ...ownReadModelTables(db)])];
}

/** Empties the records of `entities` and the whole read model, inside the caller's transaction over `recordsAndReadModel`. */
export async function clearRecords(db: ContratsDb, entities: readonly EntityType[]): Promise<void> {
  await Promise.all(recordsAndReadModel(db, entities).map((t) => t.clear()));
}
