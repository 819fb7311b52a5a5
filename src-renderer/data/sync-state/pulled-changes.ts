import { ENTITY_LABELS, entitySchemas, parseEntity, type Client, type Contract, type EntityType, type RecordChange, type UsageDocument, type WireRecord } from '../../../src-core';
import type { ContratsDb, OutboxEntry } from '../db';
import { summarizeClients } from '../read-model';
import { feedsSummaries, refreshSummaries, summaryClientOf, summaryTables } from '../read-model/upkeep';
import { changedSummaries, rememberSource, summariesFromMemory, type InitialPull, type SummaryChanges } from './initial-pull';
import { SYNC_KEYS } from './keys';
import { overlayPending, pendingByRecord, recordKey } from './overlay';

export interface PulledPage {
  changes: readonly RecordChange[];
  nextCursor: string;
}

/**
 * Writes one page of pulled changes and advances the stream's cursor in the
 * SAME read-write transaction (ARCHITECTURE.md data flow 2): a crash leaves
 * either both or neither, so a page is never skipped. Records are validated
 * once, before the transaction opens — nothing but IndexedDB is awaited inside it.
 * The portfolio summaries of the clients the page touched are refreshed in it
 * too, or — during an initial pull — marked pending in it.
 */
export async function commitPulledPage(db: ContratsDb, stream: string, page: PulledPage, initial?: InitialPull): Promise<void> {
  const changes = page.changes.map((change) => ({
    ...change,
    record: change.record && (parseEntity(entitySchemas[change.entity], change.record, ENTITY_LABELS[change.entity]) as WireRecord),
  }));
  const entities = [...new Set(changes.map((c) => c.entity))];
  const deferSummaries = !!initial && entities.some(feedsSummaries);
  const tables = new Set([...entities.map((e) => db.table(e)), db.outbox, db.settings, ...(deferSummaries ? [] : summaryTables(db, entities))]);
  await db.transaction('rw', [...tables], async () => {
    const pending = (await db.outbox.count()) > 0 ? pendingByRecord(await db.outbox.toArray()) : new Map<string, OutboxEntry[]>();
    const touched: (string | undefined)[] = [];
    for (const entity of entities) touched.push(...(await writeEntityChanges(db, entity, changes.filter((c) => c.entity === entity), pending, initial)));
    if (deferSummaries) await db.settings.put({ key: SYNC_KEYS.summariesPending, value: true });
    else await refreshSummaries(db, touched);
    await db.settings.put({ key: SYNC_KEYS.cursor(stream), value: page.nextCursor });
  });
  if (initial) {
    for (const change of changes) {
      initial.written.add(recordKey(change.entity, change.recordId));
      rememberSource(initial, change.entity, change.recordId, change.deleted ? null : change.record);
    }
  }
}

/** Writes one entity's changes; returns the clients whose summaries they affect. */
async function writeEntityChanges(
  db: ContratsDb,
  entity: EntityType,
  changes: RecordChange[],
  pending: Map<string, OutboxEntry[]>,
  initial: InitialPull | undefined,
): Promise<(string | undefined)[]> {
  const table = db.table<WireRecord, string>(entity);
  // One cheap check: during an initial pull, a record neither committed earlier in the stream nor edited locally is not stored yet.
  const mayExist = !initial || changes.some((c) => initial.written.has(recordKey(entity, c.recordId)) || pending.has(recordKey(entity, c.recordId)));
  const local: (WireRecord | undefined)[] = mayExist ? await table.bulkGet(changes.map((c) => c.recordId)) : [];
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
  await table.bulkPut(puts);
  if (deletes.length > 0) await table.bulkDelete(deletes);
  return [...touched, ...puts.map((record) => summaryClientOf(entity, record))];
}

/**
 * Computes every portfolio summary, in one read-write transaction that also
 * clears the pending mark, when an initial pull (this one or a crashed
 * earlier one) deferred them. No-op otherwise. With this run's memory
 * (`initial`) the rows come from it; otherwise, or when memory is not the
 * whole story, from the stored records. Either way only rows that differ are
 * written: after the history stream, most clients' rows are those the core
 * stream already built, and writing rows is what IndexedDB is slow at.
 */
export async function rebuildPendingSummaries(db: ContratsDb, initial?: InitialPull): Promise<boolean> {
  if (!(await db.settings.get(SYNC_KEYS.summariesPending))) return false;
  await db.transaction('rw', [db.clients, db.contracts, db.usage, db.portfolio, db.settings, db.outbox], async () => {
    if (!(await db.settings.get(SYNC_KEYS.summariesPending))) return;
    const changes = (initial && (await summariesFromMemory(db, initial))) ?? (await summariesFromRecords(db));
    await db.portfolio.bulkPut(changes.put);
    await db.portfolio.bulkDelete(changes.remove);
    await db.settings.delete(SYNC_KEYS.summariesPending);
  });
  return true;
}

async function summariesFromRecords(db: ContratsDb): Promise<SummaryChanges> {
  const [clients, contracts, usage, stored] = await Promise.all([db.clients.toArray(), db.contracts.toArray(), db.usage.toArray(), db.portfolio.toArray()]);
  const rows = summarizeClients(clients as Client[], contracts as Contract[], usage as UsageDocument[]);
  return changedSummaries(rows, new Map(stored.map((row) => [row.id, JSON.stringify(row)])));
}

export async function readCursor(db: ContratsDb, stream: string): Promise<string> {
  return ((await db.settings.get(SYNC_KEYS.cursor(stream)))?.value as string | undefined) ?? '0';
}
