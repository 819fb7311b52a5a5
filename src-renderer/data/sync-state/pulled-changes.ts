import { ENTITY_LABELS, entitySchemas, parseEntity, type EntityType, type RecordChange, type WireRecord } from '../../../src-core';
import type { ContratsDb, OutboxEntry } from '../db';
import { refreshSummaries, summaryClientOf, summaryTables } from '../read-model/upkeep';
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
 * before the transaction opens — nothing but IndexedDB is awaited inside it.
 * The portfolio summaries of the clients the page touched are refreshed in it too.
 */
export async function commitPulledPage(db: ContratsDb, stream: string, page: PulledPage): Promise<void> {
  const changes = page.changes.map((change) => ({
    ...change,
    record: change.record && (parseEntity(entitySchemas[change.entity], change.record, ENTITY_LABELS[change.entity]) as WireRecord),
  }));
  const entities = [...new Set(changes.map((c) => c.entity))];
  const tables = new Set([...entities.map((e) => db.table(e)), db.outbox, db.settings, ...summaryTables(db, entities)]);
  await db.transaction('rw', [...tables], async () => {
    const pending = (await db.outbox.count()) > 0 ? pendingByRecord(await db.outbox.toArray()) : new Map();
    const touched: (string | undefined)[] = [];
    for (const entity of entities) touched.push(...(await writeEntityChanges(db, entity, changes.filter((c) => c.entity === entity), pending)));
    await refreshSummaries(db, touched);
    await db.settings.put({ key: SYNC_KEYS.cursor(stream), value: page.nextCursor });
  });
}

/** Writes one entity's changes; returns the clients whose summaries they affect. */
async function writeEntityChanges(db: ContratsDb, entity: EntityType, changes: RecordChange[], pending: Map<string, OutboxEntry[]>): Promise<(string | undefined)[]> {
  const table = db.table<WireRecord, string>(entity);
  const local = await table.bulkGet(changes.map((c) => c.recordId));
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
  await table.bulkDelete(deletes);
  return [...touched, ...puts.map((record) => summaryClientOf(entity, record))];
}

export async function readCursor(db: ContratsDb, stream: string): Promise<string> {
  return ((await db.settings.get(SYNC_KEYS.cursor(stream)))?.value as string | undefined) ?? '0';
}
