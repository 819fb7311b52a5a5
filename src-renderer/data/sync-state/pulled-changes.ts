import { overlayPending, pendingByRecord, recordKey, type EntityType, type RecordChange, type WireRecord } from '../../../src-core';
import type { ContratsDb, OutboxEntry } from '../db';
import { readOutbox } from '../outbox';
import { inClientRows, type RecordStore } from '../record-store';
import { allReadModelTables } from '../read-model/maintainers';
import { applyRecordWrites, FIRST_LOAD, FROM_SERVER, rebuildPendingReadModel, writeScope, type RecordWrite } from '../writes/gateway';
import { readModelFromMemory, rememberSource, type InitialPull } from './initial-pull';
import { SYNC_KEYS } from './keys';
import { validatePulledPage, type PulledPage, type ValidatedPage } from './page-validation';

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
 * The `last` page of a stream also rebuilds the read model when it is
 * pending (rebuildPendingSummaries), in the same transaction: one commit
 * less at the end of a first pull, when the clients list is waited for.
 */
export async function commitPulledPage(db: ContratsDb, stream: string, page: PulledPage | ValidatedPage, initial?: InitialPull, whileWriting?: () => void, { last = false } = {}): Promise<void> {
  const { changes } = 'validated' in page ? page : validatePulledPage(page);
  const entities = [...new Set(changes.map((c) => c.entity))];
  // An initial pull is a first load for the write gateway: the read model is rebuilt once, at the stream's end.
  const origin = initial ? FIRST_LOAD : FROM_SERVER;
  // During an initial pull, a client row or an invoice book is stored only if this run wrote it already (or a local edit did: outbox).
  const rowsMayExist = !initial || changes.some((c) => inClientRows(c.entity) && mayBeStored(initial, c, initial.files));
  const inStoredBooks = new Set(initial ? changes.filter((c) => c.entity === 'invoices' && mayBeStored(initial, c, initial.books)).map((c) => c.recordId) : []);
  // What summaries derive from is remembered before the write, for `whileWriting`: a failed commit fails the run, and its memory with it.
  if (initial) for (const change of changes) rememberSource(initial, change.entity, change.recordId, change.deleted ? null : change.record);
  const tables = new Set([...writeScope(db, entities, origin), db.outbox, db.syncState, ...(last ? allReadModelTables(db) : [])]);
  await db.transaction('rw', [...tables], async () => {
    const pending = (await db.outbox.count()) > 0 ? pendingByRecord(await readOutbox(db)) : new Map<string, OutboxEntry[]>();
    const plans = (await Promise.all(entities.map((entity) => planEntityChanges(db, entity, changes.filter((c) => c.entity === entity), pending, initial)))).flat();
    const rowsStored = rowsMayExist || [...pending.values()].some(([m]) => inClientRows(m!.entity));
    // Invoices go into books read first only where one may be stored: an initial pull's batch, grouped by client, shares at most the client it was cut in.
    const stored = (w: RecordWrite) => w.entity === 'invoices' && w.id !== undefined && inStoredBooks.has(w.id);
    const [books, rest] = initial && pending.size === 0 ? [plans.filter(stored), plans.filter((w) => !stored(w))] : [[], plans];
    await applyRecordWrites(db, rest, origin, { rowsStored, booksStored: !initial || pending.size > 0, ...(whileWriting ? { whileWriting } : {}) });
    if (books.length > 0) await applyRecordWrites(db, books, origin);
    await db.syncState.put({ key: SYNC_KEYS.cursor(stream), value: page.nextCursor });
    if (last) await rebuildPendingSummaries(db, initial);
  });
  if (initial) {
    for (const change of changes) {
      initial.written.add(recordKey(change.entity, change.recordId));
      const client = clientOf(change);
      if (client !== undefined && inClientRows(change.entity)) initial.files.add(client);
      if (client !== undefined && change.entity === 'invoices') initial.books.add(client);
    }
  }
}

/** The client whose row or books hold a change's record: its own id for a client; unknown for a deleted record of another entity. */
function clientOf(change: RecordChange): string | undefined {
  if (change.entity === 'clients') return change.recordId;
  const clientId = (change.record as { clientId?: unknown } | null)?.clientId;
  return typeof clientId === 'string' ? clientId : undefined;
}

/** During an initial pull: whether the row or book of a change's record may be stored already (this run wrote the record, or its client's row or books, `written`). */
function mayBeStored(initial: InitialPull, change: RecordChange, written: ReadonlySet<string>): boolean {
  if (initial.written.has(recordKey(change.entity, change.recordId))) return true;
  const client = clientOf(change);
  return client === undefined ? change.deleted : written.has(client);
}

/** What one entity's pulled changes do to the laptop: each record with the local one it replaces (read unless it cannot be stored yet). */
async function planEntityChanges(db: ContratsDb, entity: EntityType, changes: RecordChange[], pending: Map<string, OutboxEntry[]>, initial: InitialPull | undefined): Promise<RecordWrite[]> {
  const store: RecordStore<WireRecord> = db.records(entity);
  // One cheap check: during an initial pull, a record neither committed earlier in the stream nor edited locally is not stored yet.
  const mayExist = !initial || changes.some((c) => initial.written.has(recordKey(entity, c.recordId)) || pending.has(recordKey(entity, c.recordId)));
  const local: (WireRecord | undefined)[] = mayExist ? await store.bulkGet(changes.map((c) => c.recordId)) : [];
  return changes.flatMap((change, i) => {
    // A page fetched before one of our own pushes was answered may carry an older state: keep the newer one.
    const localVersion = local[i]?.version;
    if (typeof localVersion === 'number' && localVersion > change.version) return [];
    const record = overlayPending(change.deleted ? null : change.record, change.version, pending.get(recordKey(entity, change.recordId)) ?? [], local[i]);
    // The local record is the write's `before`: a record that changed client keeps both clients' summaries right,
    // an invoice that changed contract both contracts' overruns.
    return [{ entity, id: change.recordId, before: local[i], after: record } as RecordWrite];
  });
}

/**
 * Rebuilds the read model, in one read-write transaction that also clears
 * the pending mark, when an initial pull (this one or a crashed earlier one)
 * deferred it. No-op otherwise. With this run's memory (`initial`) it comes
 * from it; otherwise, or when memory is not the whole story, from the stored
 * records (the write gateway's `rebuildPendingReadModel`; every overrun row is
 * judged again from the invoices, which may have come while the model was pending).
 */
export function rebuildPendingSummaries(db: ContratsDb, initial?: InitialPull): Promise<boolean> {
  return rebuildPendingReadModel(db, initial ? () => readModelFromMemory(db, initial) : undefined);
}

export async function readCursor(db: ContratsDb, stream: string): Promise<string> {
  return ((await db.syncState.get(SYNC_KEYS.cursor(stream)))?.value as string | undefined) ?? '0';
}
