import { ENTITY_LABELS, entitySchemas, overlayPending, parseEntity, pendingByRecord, rebasePending, recordKey, messageFr, type EntityType, type MutationResult, type WireRecord } from '../../../src-core';
import type { DataContext } from '../context';
import type { ContratsDb, OutboxEntry, SyncStateEntry } from '../db';
import { issuesADocument, returnRefusedToDraft } from '../invoicing/refused-issues';
import { editOutbox, readOutbox } from '../outbox';
import type { RecordStore } from '../record-store';
import { applyRecordWrites, FROM_SERVER, localChange, writeScope, type RecordWrite } from '../writes/gateway';
import { SYNC_KEYS, type SetAsideMutation, type StoredConflict } from './keys';

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
 * duplicated delivery) are ignored. A refused issue also undoes the issue here
 * (invoicing/refused-issues): the document is a draft again, its number
 * released if nothing else holds it, and what depends on it and was not sent
 * yet (its payments) is set aside with it — never sent without it. `actor`:
 * who works on this laptop (the signed-in person), named by the audit of such
 * an undone issue.
 */
export async function commitPushResults(ctx: DataContext, results: readonly MutationResult[], now: string, actor: string): Promise<PushOutcome> {
  const { db } = ctx;
  const outcome: PushOutcome = { applied: 0, conflicts: 0, rejected: 0 };
  // Validated before the transaction: inside it only IndexedDB is awaited.
  const records = new Map(results.map((r) => [r.mutationId, r.status !== 'rejected' ? r.record : null]));
  const entities = new Set<EntityType>();
  const outbox = await readOutbox(db);
  for (const entry of outbox) {
    if (!records.has(entry.mutationId)) continue;
    entities.add(entry.entity);
    const record = records.get(entry.mutationId);
    if (record) records.set(entry.mutationId, parseEntity(entitySchemas[entry.entity], record, ENTITY_LABELS[entry.entity]) as WireRecord);
  }
  const rejectedIds = new Set(results.flatMap((r) => (r.status === 'rejected' ? [r.mutationId] : [])));
  const refusesAnIssue = outbox.some((entry) => rejectedIds.has(entry.mutationId) && issuesADocument(entry));
  // Undoing an issue writes the draft (audit, outbox), the series, and sets its payments aside.
  if (refusesAnIssue) entities.add('payments');
  const tables = new Set([
    ...writeScope(db, entities, FROM_SERVER),
    db.outbox,
    db.syncState,
    ...(refusesAnIssue ? [db.series, ...writeScope(db, ['invoices', 'payments'], localChange(ctx))] : []),
  ]);
  await db.transaction('rw', [...tables], async () => {
    const current = await readOutbox(db);
    const pending = pendingByRecord(current);
    const keyOf = new Map(current.map((m) => [m.mutationId, recordKey(m.entity, m.recordId)]));
    const answered = results.flatMap((result) => {
      const key = keyOf.get(result.mutationId);
      const list = key ? pending.get(key) : undefined;
      const mutation = list?.find((m) => m.mutationId === result.mutationId);
      if (!key || !list || !mutation) return [];
      const later = list.filter((m) => m !== mutation);
      pending.set(key, later);
      return [{ key, result, mutation, later }];
    });
    // The local records before the answers, read once per entity: their clients' summaries follow, a conflict keeps the local side.
    const before = await readRecords(db, answered.map((a) => a.mutation));
    /** What the laptop now shows of each answered record (null: deleted). */
    const shown = new Map<string, { entity: EntityType; recordId: string; record: WireRecord | null }>();
    const kept: SyncStateEntry[] = [];
    const rebasedEntries: OutboxEntry[] = [];
    for (const { key, result, mutation, later } of answered) {
      if (result.status === 'rejected') {
        outcome.rejected++;
        const setAside: SetAsideMutation = { mutation: stripSeq(mutation), reason: result.reason, ...(result.said ? { said: result.said } : {}), at: now };
        kept.push({ key: SYNC_KEYS.setAside(result.mutationId), value: setAside });
        continue;
      }
      const serverRecord = records.get(result.mutationId) ?? null;
      if (result.status === 'applied') {
        outcome.applied++;
        // Later local edits of this record were made on top of this one: they now stand on the server's new version.
        const rebased = rebasePending(later, result.version);
        for (const [i, change] of rebased.entries()) if (change !== later[i]) rebasedEntries.push(change);
      } else {
        outcome.conflicts++;
        const localRecord = shown.has(key) ? shown.get(key)!.record : (before.get(key) ?? null);
        const conflict: StoredConflict = { mutation: stripSeq(mutation), serverVersion: result.version, serverRecord, localRecord, conflicts: result.conflicts, reason: result.reason, ...(result.said ? { said: result.said } : {}), at: now };
        kept.push({ key: SYNC_KEYS.conflict(result.mutationId), value: conflict });
      }
      shown.set(key, { entity: mutation.entity, recordId: mutation.recordId, record: overlayPending(serverRecord, result.version, later) });
    }
    await editOutbox(db, { removed: answered.map((a) => a.mutation), replaced: rebasedEntries });
    const refused = answered.flatMap(({ result, mutation }) => (result.status === 'rejected' && issuesADocument(mutation) ? [{ invoiceId: mutation.recordId, reason: result.said ?? result.reason }] : []));
    if (refused.length > 0) {
      const answeredIds = new Set(answered.map((a) => a.mutation.mutationId));
      const heldBack = await returnRefusedToDraft(ctx, refused, current.filter((entry) => !answeredIds.has(entry.mutationId)), actor);
      await editOutbox(db, { removed: heldBack.map((h) => h.entry) });
      for (const { entry, said } of heldBack) kept.push({ key: SYNC_KEYS.setAside(entry.mutationId), value: { mutation: stripSeq(entry), reason: messageFr(said), said, at: now } satisfies SetAsideMutation });
      outcome.rejected += heldBack.length;
    }
    await db.syncState.bulkPut(kept);
    // The server's merged records replace the local ones, through the gateway: the read model follows in this transaction.
    const writes = [...shown].map(([key, s]) => ({ entity: s.entity, id: s.recordId, before: before.get(key), after: s.record }) as RecordWrite);
    await applyRecordWrites(db, writes, FROM_SERVER);
  });
  return outcome;
}

/** The stored records the mutations are about, by recordKey. */
async function readRecords(db: ContratsDb, mutations: readonly OutboxEntry[]): Promise<Map<string, WireRecord | undefined>> {
  const found = new Map<string, WireRecord | undefined>();
  const entities = new Set(mutations.map((m) => m.entity));
  for (const entity of entities) {
    const ids = [...new Set(mutations.filter((m) => m.entity === entity).map((m) => m.recordId))];
    const store: RecordStore<WireRecord> = db.records(entity);
    const records = await store.bulkGet(ids);
    ids.forEach((id, i) => found.set(recordKey(entity, id), records[i]));
  }
  return found;
}

function stripSeq({ seq: _seq, ...mutation }: OutboxEntry) {
  return mutation;
}
