import { ENTITY_LABELS, entitySchemas, overlayPending, parseEntity, pendingByRecord, recordKey, type EntityType, type RecordChange, type WireRecord } from '../../../src-core';
import type { ContratsDb, OutboxEntry } from '../db';
import { inClientRows, recordTables, writeRecords, type RecordStore, type RecordWrites } from '../record-store';
import { summarizeClients, type ClientSummary } from '../read-model';
import { replacePortfolio } from '../read-model/portfolio-chunks';
import { storedPriceLists } from '../price-lists';
import { feedsSummaries, readModelScope, refreshReadModel, regularisedContractOf, summaryClientOf, summaryTables } from '../read-model/upkeep';
import { rememberSource, summariesFromMemory, type InitialPull } from './initial-pull';
import { SYNC_KEYS } from './keys';

export interface PulledPage {
  changes: readonly RecordChange[];
  nextCursor: string;
}

/** A page whose records passed their entity's schema (validatePulledPage). */
export interface ValidatedPage extends PulledPage {
  readonly validated: true;
}

/**
 * Checks every record of a page against its entity's schema; throws the
 * first refusal (in French), so that nothing of a bad page is stored. The
 * engine runs it as soon as a page arrives, while the previous page's
 * transaction is still being written by IndexedDB.
 */
export function validatePulledPage<P extends PulledPage>(page: P): P & ValidatedPage {
  const changes = page.changes.map((change) => ({
    ...change,
    record: change.record && (parseEntity(entitySchemas[change.entity], change.record, ENTITY_LABELS[change.entity]) as WireRecord),
  }));
  return { ...page, changes, validated: true };
}

/**
 * Pages pulled one after the other, as one: the last change of each record,
 * in stream order, with the last page's cursor. A record changed on the
 * server while its stream was pulled comes twice; its later state wins.
 */
export function joinPulledPages(pages: readonly ValidatedPage[]): ValidatedPage {
  const last = new Map<string, RecordChange>();
  for (const page of pages) for (const change of page.changes) last.set(recordKey(change.entity, change.recordId), change);
  return { changes: [...last.values()], nextCursor: pages.at(-1)!.nextCursor, validated: true };
}

/**
 * Writes one page of pulled changes and advances the stream's cursor in the
 * SAME read-write transaction (ARCHITECTURE.md data flow 2): a crash leaves
 * either both or neither, so a page is never skipped. Records are validated
 * before the transaction opens (here, unless the page already was) — nothing
 * but IndexedDB is awaited inside it.
 * The portfolio summaries of the clients the page touched are refreshed in it
 * too, or — during an initial pull — marked pending in it.
 * `whileWriting` runs once the page's writes are issued, while IndexedDB
 * stores them: work that needs no database (see prepareSummaries).
 */
export async function commitPulledPage(db: ContratsDb, stream: string, page: PulledPage | ValidatedPage, initial?: InitialPull, whileWriting?: () => void): Promise<void> {
  const { changes } = 'validated' in page ? page : validatePulledPage(page);
  const entities = [...new Set(changes.map((c) => c.entity))];
  const deferSummaries = !!initial && entities.some(feedsSummaries);
  // During an initial pull, a client row exists only if this run wrote a client or contract already (or a local edit did: outbox).
  const rowsMayExist = !initial || initial.sources.clients.size + initial.sources.contracts.size > 0;
  // What summaries derive from is remembered before the write, for `whileWriting`: a failed commit fails the run, and its memory with it.
  if (initial) for (const change of changes) rememberSource(initial, change.entity, change.recordId, change.deleted ? null : change.record);
  const tables = new Set([...recordTables(db, entities), db.outbox, db.syncState, ...(deferSummaries ? [] : summaryTables(db, entities))]);
  await db.transaction('rw', [...tables], async () => {
    const pending = (await db.outbox.count()) > 0 ? pendingByRecord(await db.outbox.toArray()) : new Map<string, OutboxEntry[]>();
    const plans = await Promise.all(entities.map((entity) => planEntityChanges(db, entity, changes.filter((c) => c.entity === entity), pending, initial)));
    const writes = writeRecords(db, plans, { rowsStored: rowsMayExist || [...pending.values()].some(([m]) => inClientRows(m!.entity)) });
    whileWriting?.();
    await writes;
    const touched = plans.flatMap((p) => p.touched);
    if (deferSummaries) await db.syncState.put({ key: SYNC_KEYS.summariesPending, value: true });
    else {
      // With pulled invoices, the overruns they regularise (a deferred model's rows are judged again from the invoices when it is rebuilt).
      await refreshReadModel(db, touched, plans.flatMap((p) => p.regularising));
    }
    await db.syncState.put({ key: SYNC_KEYS.cursor(stream), value: page.nextCursor });
  });
  if (initial) for (const change of changes) initial.written.add(recordKey(change.entity, change.recordId));
}

/** What one entity's pulled changes do to the laptop: records to put, ids to delete, clients whose summaries they affect. */
interface EntityPlan extends RecordWrites {
  puts: WireRecord[];
  deletes: string[];
  touched: (string | undefined)[];
  /** Contracts whose invoices change (their regularised overruns follow). */
  regularising: (string | undefined)[];
}

async function planEntityChanges(db: ContratsDb, entity: EntityType, changes: RecordChange[], pending: Map<string, OutboxEntry[]>, initial: InitialPull | undefined): Promise<EntityPlan> {
  const store: RecordStore<WireRecord> = db.records(entity);
  // One cheap check: during an initial pull, a record neither committed earlier in the stream nor edited locally is not stored yet.
  const mayExist = !initial || changes.some((c) => initial.written.has(recordKey(entity, c.recordId)) || pending.has(recordKey(entity, c.recordId)));
  const local: (WireRecord | undefined)[] = mayExist ? await store.bulkGet(changes.map((c) => c.recordId)) : [];
  const puts: WireRecord[] = [];
  const deletes: string[] = [];
  // A record that changed client affects both: the old owner is the local record's.
  const touched = local.map((record) => summaryClientOf(entity, record));
  changes.forEach((change, i) => {
    // A page fetched before one of our own pushes was answered may carry an older state: keep the newer one.
    const localVersion = local[i]?.version;
    if (typeof localVersion === 'number' && localVersion > change.version) return;
    const record = overlayPending(change.deleted ? null : change.record, change.version, pending.get(recordKey(entity, change.recordId)) ?? []);
    if (record) puts.push(record);
    else deletes.push(change.recordId);
  });
  return {
    entity,
    puts,
    deletes,
    touched: [...touched, ...puts.map((record) => summaryClientOf(entity, record))],
    regularising: [...local, ...puts].map((record) => regularisedContractOf(entity, record)),
  };
}

/**
 * Computes every portfolio summary, in one read-write transaction that also
 * clears the pending mark, when an initial pull (this one or a crashed
 * earlier one) deferred them. No-op otherwise. With this run's memory
 * (`initial`) they come from it; otherwise, or when memory is not the whole
 * story, from the stored records. The read model is a few dozen documents
 * (read-model/portfolio-chunks.ts): rewriting it whole is cheap.
 */
export async function rebuildPendingSummaries(db: ContratsDb, initial?: InitialPull): Promise<boolean> {
  if (!(await db.syncState.get(SYNC_KEYS.summariesPending))) return false;
  await db.transaction('rw', [...readModelScope(db), db.syncState, db.outbox], async () => {
    if (!(await db.syncState.get(SYNC_KEYS.summariesPending))) return;
    const rows = (initial && (await summariesFromMemory(db, initial))) ?? (await summariesFromRecords(db));
    // Invoices may have come while the model was pending: every overrun row is judged again from them.
    await db.overrunFacts.clear();
    await replacePortfolio(db, rows);
    await db.syncState.delete(SYNC_KEYS.summariesPending);
  });
  return true;
}

async function summariesFromRecords(db: ContratsDb): Promise<ClientSummary[]> {
  const [files, usage, lists] = await Promise.all([db.clientRows.toArray(), db.usage.toArray(), storedPriceLists(db)]);
  return summarizeClients(
    files.flatMap((f) => f.client ?? []),
    files.flatMap((f) => f.contracts),
    usage,
    lists,
  );
}

export async function readCursor(db: ContratsDb, stream: string): Promise<string> {
  return ((await db.syncState.get(SYNC_KEYS.cursor(stream)))?.value as string | undefined) ?? '0';
}
