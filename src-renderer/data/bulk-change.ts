import { mutationSchema, type EntityRecords, type EntityType } from '../../src-core';
import { changedFields } from './change';
import type { DataContext } from './context';
import { refreshReadModel, regularisedContractOf } from './read-model/upkeep';

/**
 * Many changes of one entity written at once: the records, their audit
 * entries and their outbox mutations as three bulk requests per chunk instead
 * of three awaited requests per record — what the monthly run (2,000 drafts),
 * issuing a month and a usage import (10,000 documents) need. The rows are
 * exactly those `writeChange` writes for each record, in the same order. Runs
 * inside the caller's read-write transaction, which also refreshes the read
 * model when the entity feeds it (writeChanges does it per call; a bulk
 * caller does it once); written invoices refresh the overruns they regularise
 * here (the transaction covers `summaryTables`).
 */
export interface BulkChange<R> {
  before: R | undefined;
  after: R;
  action: string;
  summary: string;
  clientId?: string;
}

export interface WriteProgress {
  written: number;
  total: number;
}

/** Records per bulk request: large enough to amortise a request, small enough to report progress and keep each task short. */
export const BULK_CHUNK = 250;

export async function writeBulkChanges<E extends EntityType>(
  ctx: DataContext,
  entity: E,
  changes: readonly BulkChange<EntityRecords[E]>[],
  actor: string,
  onProgress?: (progress: WriteProgress) => void,
): Promise<void> {
  const { db } = ctx;
  const at = ctx.now();
  onProgress?.({ written: 0, total: changes.length });
  for (let start = 0; start < changes.length; start += BULK_CHUNK) {
    const chunk = changes.slice(start, start + BULK_CHUNK);
    const audit = [];
    const outbox = [];
    for (const change of chunk) {
      const { before, after } = change;
      const record = after as unknown as Record<string, unknown> & { id: string; version?: number };
      const fields = changedFields(before as object | undefined, record);
      audit.push({ at, actor, entity, recordId: record.id, ...(change.clientId ? { clientId: change.clientId } : {}), action: change.action, summary: change.summary, fields });
      // As writeChange: a created record travels whole, an updated one only what changed (a removed field as null).
      const changed = Object.fromEntries((before ? fields : Object.keys(record)).map((k) => [k, record[k] ?? null]));
      outbox.push(mutationSchema.parse({
        mutationId: ctx.newId(),
        deviceId: ctx.deviceId,
        entity,
        recordId: record.id,
        op: 'upsert',
        baseVersion: (before as { version?: number } | undefined)?.version ?? 0,
        changes: changed,
        madeAt: at,
      }));
    }
    // Issued together: IndexedDB runs them in order, and the next request is ready while one is being stored.
    await Promise.all([db.records(entity).bulkPut(chunk.map((c) => c.after)), db.audit.bulkAdd(audit), db.outbox.bulkAdd(outbox)]);
    await refreshReadModel(db, [], chunk.flatMap((c) => [regularisedContractOf(entity, c.before as object | undefined), regularisedContractOf(entity, c.after as object)]));
    onProgress?.({ written: start + chunk.length, total: changes.length });
  }
}
