import Dexie, { type Table } from 'dexie';
import { differingFields, mutationSchema, recordKey, type EntityRecords, type EntityType, type Message, type Mutation, type WireRecord } from '../../../src-core';
import type { DataContext } from '../context';
import type { AuditEntry, ContratsDb, OutboxEntry } from '../db';
import { outboxPack } from '../outbox';
import { storedPriceLists } from '../price-lists';
import {
  allReadModelTables,
  alwaysFollowedChanges,
  alwaysFollowedTables,
  computeReadModel,
  FOLLOWED_ALWAYS,
  maintainersOf,
  ownReadModelTables,
  readModelTables,
  READ_MODEL,
  type AlwaysFollowedChanges,
  type AppliedWrite,
  type ComputedReadModel,
  type ReadModelSources,
} from '../read-model/maintainers';
import { forgetRead } from '../read-model/portfolio-chunks';
import { recordTables, writeRecords, type RecordWrites, type StoredRows } from '../record-store';
import { SYNC_KEYS } from '../sync-state/keys';

/**
 * The one gateway every record write passes through (ARCHITECTURE.md, data
 * flow 4): commands, pulled pages, push answers, conflict resolutions and
 * bulk loads hand it the records they write, and it writes them — clients
 * and contracts into their rows, each row read and written once —, adds
 * the audit entries and outbox mutations of a local change, and keeps the
 * read model (read-model/maintainers.ts) in the same transaction. Where the
 * records come from decides how (`WriteOrigin`), never a flag of the caller:
 * - `local` (a command): audit entry and outbox mutation per record, read model followed; many records of
 *   one action (a usage import) may share their audit entry, one per step (`grouped`, below);
 * - `server` (pulled pages, push answers, records loaded from the server): no outbox, read model followed;
 *   no audit either, except `serverAnswer(ctx)`: a record the server made on this laptop's request
 *   (a centrally issued invoice) carries its history line;
 * - `first-load` (a new laptop's first sync, the demo data): no audit, no outbox, and the read model
 *   is not followed page by page but marked pending in the same transaction and rebuilt once at the
 *   end (`rebuildPendingReadModel`) — the first sync's speed-up.
 * Whatever the origin, the parts that need only each write's versions (FOLLOWED_ALWAYS: the
 * reconciliation digests) follow every write, a first load's included.
 * It runs inside the caller's read-write transaction, which covers `writeScope`.
 */
export type WriteOrigin = { kind: 'local'; ctx: DataContext; grouped?: GroupedHistory } | { kind: 'server'; ctx?: DataContext } | { kind: 'first-load' };

/**
 * One action of the account manager writing many records (a usage import):
 * each step's audit lines are stored as ONE grouped entry (AuditEntry.lines,
 * v13) under the action's id and sentence, instead of a row each — the
 * history still reads one line per record —, and its mutations as ONE outbox
 * row (OutboxPack, v16), still pushed one by one. Its records share an
 * entity, an actor and an action.
 */
export interface GroupedHistory {
  id: string;
  summary: string;
}

export const localChange = (ctx: DataContext, grouped?: GroupedHistory): WriteOrigin => ({ kind: 'local', ctx, ...(grouped ? { grouped } : {}) });
export const FROM_SERVER: WriteOrigin = { kind: 'server' };
export const serverAnswer = (ctx: DataContext): WriteOrigin => ({ kind: 'server', ctx });
export const FIRST_LOAD: WriteOrigin = { kind: 'first-load' };

/** One record written: `after` null deletes it. A local change carries its history line. */
export interface RecordWrite<E extends EntityType = EntityType> {
  entity: E;
  /**
   * The stored record before, as the writer read it (a local change always does; its version is the
   * mutation's base); undefined: none is stored. Left out (a bulk load merging by id), the gateway
   * reads it: the reconciliation digests remove the stored version's part.
   */
  before?: EntityRecords[E] | undefined;
  after: EntityRecords[E] | null;
  /** The record's id when neither `before` nor `after` is given (a delete of a record not read). */
  id?: string;
  /** Required for a local change (and a `serverAnswer`): who, what, the history's sentence, and the client the entry is filed under. */
  audit?: { actor: string; action: string; summary: string; clientId?: string; said?: Message };
  /**
   * A local change whose whole `after` travels, as a creation does, not only
   * what changed: the server's copy (an older state, or none) must become this
   * one — a refused issue back to draft, a record recreated over a deletion.
   */
  whole?: boolean;
}

/** What the records' writes may skip reading (record-store.ts `StoredRows`), and how the write goes. */
export interface WriteOptions extends StoredRows {
  /** Called after each step of a long write (records written so far, out of the total when known). */
  onProgress?: (progress: { written: number; total: number }) => void;
  /** Runs once the first step's writes are issued, while IndexedDB stores them: work that needs no database. */
  whileWriting?: () => void;
  /**
   * The writes, folded here as each step is stored instead of followed by the parts of FOLLOWED_ALWAYS:
   * a caller issuing several writes at once in one transaction (a bulk load) stores them all once
   * (`followAlways`) before its transaction ends — their rows are read and rewritten once, and no two
   * writes rewrite them from the same read. Folded step by step, the work is done while IndexedDB
   * stores the steps issued after, not all of it at the end.
   */
  followAlwaysLater?: AlwaysFollowedChanges;
}

/** Stores `changes` into every part of FOLLOWED_ALWAYS, inside the caller's transaction (see `followAlwaysLater`). */
export function followAlways(db: ContratsDb, changes: AlwaysFollowedChanges): Promise<void> {
  return inTransaction(
    (async () => {
      for (const { part, changes: folded } of changes.parts) {
        const stored = part.store(db, folded);
        if (stored) await inTransaction(stored);
      }
    })(),
  );
}

/**
 * The `syncState` row that says the read model waits for its rebuild: set by
 * a first load in the same transaction as its records (and by a migration that
 * changes what the model holds), cleared by the rebuild. A crash in between
 * leaves it set, and the next rebuild runs (at the latest when the data layer opens).
 */
export const READ_MODEL_PENDING = SYNC_KEYS.summariesPending;

/** Records per step when a caller follows the progress: large enough to amortise a request, small enough to report. */
export const WRITE_STEP = 250;

/** The tables a read-write transaction writing `entities` from `origin` must cover. */
export function writeScope(db: ContratsDb, entities: Iterable<EntityType>, origin: WriteOrigin): Table[] {
  const list = [...entities];
  return [
    ...new Set([
      ...recordTables(db, list),
      ...(origin.kind === 'local' ? [db.audit, db.outbox] : origin.kind === 'server' && origin.ctx ? [db.audit] : []),
      ...(origin.kind === 'first-load' ? [db.syncState] : readModelTables(db, list)),
      ...alwaysFollowedTables(db),
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
export function applyRecordWrites(db: ContratsDb, writes: readonly RecordWrite[] | WriteSteps, origin: WriteOrigin, options: WriteOptions = {}): Promise<void> {
  // Nothing to write: a settled promise, and nothing awaited inside.
  if (typeof writes !== 'function' && writes.length === 0 && !options.onProgress) {
    options.whileWriting?.();
    return inTransaction(Promise.resolve());
  }
  return inTransaction(applyWrites(db, writes, origin, options));
}

/**
 * `work` as a Dexie promise made in the caller's transaction zone. Inside a
 * transaction, Dexie follows its zone across an `await` of its own promises
 * only for a few microtasks: after a chain of async functions returning one
 * another's results (a maintainer after the one it derives from, the caller's
 * next request after the gateway), the next request ran outside the
 * transaction and the transaction committed early. Awaiting a Dexie promise
 * brings the continuation back into the zone.
 */
const inTransaction = <T>(work: Promise<T>): Promise<T> => Dexie.Promise.resolve(work);

async function applyWrites(db: ContratsDb, writes: readonly RecordWrite[] | WriteSteps, origin: WriteOrigin, options: WriteOptions): Promise<void> {
  const applied: AppliedWrite[] = [];
  let whileWriting = options.whileWriting;
  let total = 0;
  const write = async (given: readonly RecordWrite[]) => {
    const reading = withStoredBefore(db, given);
    const step = reading ? await inTransaction(reading) : given;
    const issued = writeStep(db, step, origin, options);
    whileWriting?.();
    whileWriting = undefined;
    await issued;
    for (const w of step) applied.push({ entity: w.entity, id: idOf(w), before: w.before, after: w.after });
    options.onProgress?.({ written: applied.length, total: Math.max(total, applied.length) });
  };
  if (typeof writes === 'function') {
    for (let step = writes(); step; step = writes()) await inTransaction(write(await step));
  } else {
    total = writes.length;
    options.onProgress?.({ written: 0, total });
    // A caller that follows the progress gets it between steps; the others, one step.
    const size = options.onProgress ? WRITE_STEP : Math.max(writes.length, 1);
    for (let start = 0; start < writes.length; start += size) await inTransaction(write(writes.slice(start, start + size)));
  }
  whileWriting?.();
  if (applied.length === 0) return;
  const followed = options.followAlwaysLater ?? alwaysFollowedChanges();
  followed.add(applied);
  if (!options.followAlwaysLater) await followAlways(db, followed);
  if (origin.kind === 'first-load') {
    if (maintainersOf(applied.map((w) => w.entity)).length > 0) await db.syncState.put({ key: READ_MODEL_PENDING, value: true });
    return;
  }
  const upstream = new Map<string, unknown>();
  for (const maintainer of maintainersOf(applied.map((w) => w.entity))) {
    const followed = maintainer.follow(db, applied, upstream);
    if (followed) upstream.set(maintainer.name, await inTransaction(followed));
  }
}

const idOf = (w: RecordWrite) => w.id ?? (w.after ?? w.before)!.id;

/**
 * The step with the stored record as the `before` of each write that left it
 * out, read before the step is written — or undefined, synchronously, when
 * every write carries its own (nothing to await inside the transaction).
 */
function withStoredBefore(db: ContratsDb, step: readonly RecordWrite[]): Promise<RecordWrite[]> | undefined {
  const unread = step.filter((w) => !('before' in w));
  if (unread.length === 0) return undefined;
  const ids = new Map<EntityType, string[]>();
  for (const w of unread) (ids.get(w.entity) ?? ids.set(w.entity, []).get(w.entity)!).push(idOf(w));
  return (async () => {
    const stored = new Map<string, WireRecord | undefined>();
    for (const [entity, list] of ids) {
      const records = await db.records(entity).bulkGet(list);
      list.forEach((id, i) => stored.set(recordKey(entity, id), records[i] as WireRecord | undefined));
    }
    return step.map((w) => ('before' in w ? w : ({ ...w, before: stored.get(recordKey(w.entity, idOf(w))) } as RecordWrite)));
  })();
}

/** Top-level fields a local change touches: the sync protocol's own "which fields changed" (src-core/sync), record metadata left out. */
export function changedFields(before: object | undefined, after: object | null): string[] {
  return after ? differingFields(before as WireRecord | undefined, after as WireRecord) : [];
}

/** One step: the records (each written in its last state), and for a local change the audit entries and mutations, as bulk requests issued together. */
function writeStep(db: ContratsDb, step: readonly RecordWrite[], origin: WriteOrigin, stored: StoredRows): Promise<unknown> {
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
  const requests: Promise<unknown>[] = [writeRecords(db, recordWrites, stored)];
  if (origin.kind === 'local') {
    const { audit, outbox } = historyOf(origin.ctx, step, origin.grouped);
    // A grouped action's step: its mutations in ONE outbox row too (outbox.ts), as its history lines.
    requests.push(db.audit.bulkAdd(audit), origin.grouped && outbox.length > 0 ? db.outbox.add(outboxPack(outbox)) : db.outbox.bulkAdd(outbox));
  } else if (origin.kind === 'server' && origin.ctx) {
    requests.push(db.audit.bulkAdd(step.map((w) => auditOf(origin.ctx!.now(), w))));
  }
  // Issued together: IndexedDB runs them in order, and the next request is ready while one is being stored.
  return Promise.all(requests);
}

/** A write's history line (a local change, a server answer), stamped `at`. */
function auditOf(at: string, w: RecordWrite): AuditEntry {
  if (!w.audit) throw new Error(`Écriture sans ligne d’historique : ${w.entity} ${idOf(w)}.`);
  const { actor, action, summary, clientId, said } = w.audit;
  const code = said ? { code: said.code, ...(said.params ? { params: said.params } : {}) } : {};
  return { at, actor, entity: w.entity, recordId: idOf(w), ...(clientId ? { clientId } : {}), action, summary, ...code, fields: changedFields(w.before, w.after) };
}

/** One entry holding the lines of `entries` (a grouped action's step), found by their clients and records. */
function groupedEntry(grouped: GroupedHistory, entries: readonly AuditEntry[]): AuditEntry {
  const { at, actor, entity, action } = entries[0]!;
  if (entries.some((e) => e.actor !== actor || e.entity !== entity || e.action !== action)) throw new Error(`Historique groupé de plusieurs actions : ${grouped.summary}`);
  const lines = entries.map(({ recordId, clientId, summary, code, params, fields }) => ({ recordId, summary, ...(clientId ? { clientId } : {}), ...(code ? { code } : {}), ...(params ? { params } : {}), ...(fields ? { fields } : {}) }));
  const clientIds = [...new Set(entries.flatMap((e) => e.clientId ?? []))];
  return { at, actor, entity, recordId: grouped.id, action, summary: grouped.summary, lines, clientIds, recordIds: entries.map((e) => e.recordId) };
}

/** The audit entry (or the step's grouped entry) and the outbox mutation of each local write, in order. */
function historyOf(ctx: DataContext, step: readonly RecordWrite[], grouped?: GroupedHistory): { audit: AuditEntry[]; outbox: OutboxEntry[] } {
  const at = ctx.now();
  const audit: AuditEntry[] = [];
  const outbox: OutboxEntry[] = [];
  for (const w of step) {
    const entry = auditOf(at, w);
    audit.push(entry);
    const recordId = entry.recordId;
    const fields = entry.fields ?? [];
    const after = w.after as Record<string, unknown> | null;
    // A created record travels whole; an updated one carries only what changed; `undefined` (a removed
    // optional field) is sent as null so that the server clears it too.
    const sent = w.before && !w.whole ? fields : [...new Set([...Object.keys(after ?? {}), ...fields])];
    const changes = after ? Object.fromEntries(sent.map((k) => [k, after[k] ?? null])) : {};
    const mutation: Mutation = {
      mutationId: ctx.newId(),
      deviceId: ctx.deviceId,
      entity: w.entity,
      recordId,
      op: w.after ? 'upsert' : 'delete',
      baseVersion: (w.before as { version?: number } | undefined)?.version ?? 0,
      changes,
      madeAt: at,
    };
    // A grouped action's thousands of mutations are not parsed here (41–146 ms for the 10,981 of a
    // 10,000-client import, measured in Node): the push parses each one against the wire schema before
    // sending, and sets aside one it refuses (push-outbox.ts, wireProblem), so a malformed one is still never sent.
    outbox.push(grouped ? mutation : mutationSchema.parse(mutation));
  }
  return { audit: grouped && audit.length > 0 ? [groupedEntry(grouped, audit)] : audit, outbox };
}

/**
 * Rebuilds every part of the read model, in one read-write transaction that
 * also clears the pending mark, when a first load (this one or a crashed
 * earlier one) deferred it; false (nothing done) otherwise. `fromMemory`
 * answers the model computed from what the caller holds, or null when that
 * is not the whole story — then it is computed from the stored records.
 */
export async function rebuildPendingReadModel(db: ContratsDb, fromMemory?: () => Promise<ComputedReadModel | null>): Promise<boolean> {
  if (!(await db.syncState.get(READ_MODEL_PENDING))) return false;
  await db.transaction('rw', [...allReadModelTables(db), db.syncState, db.outbox], async () => {
    if (!(await db.syncState.get(READ_MODEL_PENDING))) return;
    const computed = (fromMemory && (await fromMemory())) ?? computeReadModel(await sourcesFromRecords(db));
    for (const maintainer of READ_MODEL) await inTransaction(maintainer.replace(db, computed.get(maintainer.name)));
    await db.syncState.delete(READ_MODEL_PENDING);
  });
  return true;
}

async function sourcesFromRecords(db: ContratsDb): Promise<ReadModelSources> {
  const [rows, usage, priceLists] = await Promise.all([db.clientRows.toArray(), db.usage.toArray(), storedPriceLists(db)]);
  return { clients: rows.flatMap((r) => r.client ?? []), contracts: rows.flatMap((r) => r.contracts), usage, priceLists };
}

/** Every table a wipe of the records empties: the records and the whole read model (the caller's transaction covers them). */
export function recordsAndReadModel(db: ContratsDb, entities: readonly EntityType[]): Table[] {
  return [...new Set([...recordTables(db, entities), ...ownReadModelTables(db), ...alwaysFollowedTables(db)])];
}

/** Empties the records of `entities`, the whole derived read model and those entities' digests, inside the caller's transaction over `recordsAndReadModel`. */
export async function clearRecords(db: ContratsDb, entities: readonly EntityType[]): Promise<void> {
  forgetRead();
  await Promise.all([
    ...[...new Set([...recordTables(db, entities), ...ownReadModelTables(db)])].map((t) => t.clear()),
    ...FOLLOWED_ALWAYS.map((part) => part.clear(db, entities)),
  ]);
}
