import { ENTITY_LABELS, entitySchemas, parseEntity, type EntityType, type MutationResult, type WireRecord } from '../../../src-core';
import type { ContratsDb, OutboxEntry } from '../db';
import { recordTables, type RecordStore } from '../record-store';
import { refreshSummaries, summaryClientOf, summaryTables } from '../read-model/upkeep';
import { SYNC_KEYS, type SetAsideMutation, type StoredConflict } from './keys';
import { overlayPending, pendingByRecord, recordKey } from './overlay';

/** What one batch's answers did, for the status line and the tests. */
export interface PushOutcome {
  applied: number;
  conflicts: number;
  rejected: number;
}

/**
 * Records the server's answers to a pushed batch, in one transaction: each
 * answered mutation leaves the outbox only here (never before the answer
 * arrived), and what it became is stored with it — the merged record
 * (applied), a conflict awaiting a person, or a set-aside mutation with its
 * reason (rejected). Answers for mutations no longer in the outbox (a
 * duplicated delivery) are ignored.
 */
export async function commitPushResults(db: ContratsDb, results: readonly MutationResult[], now: string): Promise<PushOutcome> {
  const outcome: PushOutcome = { applied: 0, conflicts: 0, rejected: 0 };
  // Validated before the transaction: inside it only IndexedDB is awaited.
  const records = new Map(results.map((r) => [r.mutationId, r.status !== 'rejected' ? r.record : null]));
  const entities = new Set<EntityType>();
  const outbox = await db.outbox.toArray();
  for (const entry of outbox) {
    if (!records.has(entry.mutationId)) continue;
    entities.add(entry.entity);
    const record = records.get(entry.mutationId);
    if (record) records.set(entry.mutationId, parseEntity(entitySchemas[entry.entity], record, ENTITY_LABELS[entry.entity]) as WireRecord);
  }
  const tables = new Set([...recordTables(db, entities), db.outbox, db.settings, ...summaryTables(db, entities)]);
  await db.transaction('rw', [...tables], async () => {
    // The server's merged records replace the local ones: their clients' summaries follow in this transaction.
    const touched: (string | undefined)[] = [];
    const current = await db.outbox.toArray();
    const pending = pendingByRecord(current);
    const keyOf = new Map(current.map((m) => [m.mutationId, recordKey(m.entity, m.recordId)]));
    for (const result of results) {
      const key = keyOf.get(result.mutationId);
      const list = key ? pending.get(key) : undefined;
      const mutation = list?.find((m) => m.mutationId === result.mutationId);
      if (!key || !list || !mutation) continue;
      const later = list.filter((m) => m !== mutation);
      pending.set(key, later);
      await db.outbox.where('mutationId').equals(result.mutationId).delete();
      const store = db.records(mutation.entity) as unknown as RecordStore<WireRecord>;
      if (result.status === 'rejected') {
        outcome.rejected++;
        const setAside: SetAsideMutation = { mutation: stripSeq(mutation), reason: result.reason, at: now };
        await db.settings.put({ key: SYNC_KEYS.setAside(result.mutationId), value: setAside });
        continue;
      }
      const serverRecord = records.get(result.mutationId) ?? null;
      if (result.status === 'applied') {
        outcome.applied++;
        // Later local edits of this record were made on top of this one: they now stand on the server's new version.
        for (const next of later) {
          next.baseVersion = Math.max(next.baseVersion, result.version);
          await db.outbox.where('mutationId').equals(next.mutationId).modify({ baseVersion: next.baseVersion });
        }
      } else {
        outcome.conflicts++;
        const conflict: StoredConflict = {
          mutation: stripSeq(mutation),
          serverVersion: result.version,
          serverRecord,
          localRecord: (await store.get(mutation.recordId)) ?? null,
          conflicts: result.conflicts,
          reason: result.reason,
          at: now,
        };
        await db.settings.put({ key: SYNC_KEYS.conflict(result.mutationId), value: conflict });
      }
      const shown = overlayPending(serverRecord, result.version, later);
      touched.push(summaryClientOf(mutation.entity, await store.get(mutation.recordId)), summaryClientOf(mutation.entity, shown));
      if (shown) await store.put(shown);
      else await store.delete(mutation.recordId);
    }
    await refreshSummaries(db, touched);
  });
  return outcome;
}

function stripSeq({ seq: _seq, ...mutation }: OutboxEntry) {
  return mutation;
}
