import { ENTITY_LABELS, entitySchemas, message, messageFr, refusalError, mutationSchema, parseEntity, settleConflict, type ConflictChoice, type EntityRecords, type EntityType, type WireRecord } from '../../../src-core';
import { writeChange } from '../change';
import type { DataContext } from '../context';
import { historyLine } from '../db';
import { editOutbox, readOutbox } from '../outbox';
import { localChange, writeScope } from '../writes/gateway';
import { CONFLICT_PREFIX, SET_ASIDE_PREFIX, SYNC_KEYS, readSyncRows, type SetAsideMutation, type StoredConflict } from './keys';

export const listConflicts = (ctx: DataContext) => readSyncRows<StoredConflict>(ctx.db, CONFLICT_PREFIX);
export const listSetAside = (ctx: DataContext) => readSyncRows<SetAsideMutation>(ctx.db, SET_ASIDE_PREFIX);

/**
 * The account manager gives up a change the server refused: it leaves the
 * list, and the audit records that it was abandoned, why (their reason) and
 * what the server said, in the same transaction. The laptop's record stays
 * as it is (the reconciliation check still reports the difference).
 */
export async function discardSetAside(ctx: DataContext, mutationId: string, reason: string, actor: string): Promise<void> {
  const { db } = ctx;
  const why = reason.normalize('NFC').trim();
  if (!why) throw refusalError('INVALID_INPUT', message('sync.setAside.reasonRequired'));
  await db.transaction('rw', [db.syncState, db.audit], async () => {
    const setAside = (await db.syncState.get(SYNC_KEYS.setAside(mutationId)))?.value as SetAsideMutation | undefined;
    if (!setAside) return;
    const { mutation } = setAside;
    const given = why.slice(0, 500);
    // The French quotes the stored reason as it is (a server may have clipped it); the code says the same in the interface's language.
    const said = message('audit.sync.discard', { reason: setAside.said ? { message: setAside.said } : setAside.reason, why: given });
    await db.audit.add({
      at: ctx.now(),
      actor,
      entity: mutation.entity,
      recordId: mutation.recordId,
      ...clientIdOf(mutation.entity, { id: mutation.recordId, ...mutation.changes }),
      action: 'sync_discard',
      ...historyLine(said, messageFr(message('audit.sync.discard', { reason: setAside.reason, why: given }))),
      fields: Object.keys(mutation.changes).sort(),
    });
    await db.syncState.delete(SYNC_KEYS.setAside(mutationId));
  });
}

/**
 * Sends a set-aside change again, once the server is mended or the record
 * corrected: one new outbox entry with the laptop's current values, on the
 * record's current version — the whole record while the server has never
 * had it (version 0: a refused creation), else the fields of every pending
 * change of the record. The correction itself (an edit made after the
 * refusal, queued or refused in turn) is folded into it: the record's other
 * outbox entries and set-aside rows go in the same transaction. False when
 * the record is no longer on this laptop (nothing to send: the row stays, to
 * be abandoned).
 */
export async function retrySetAside(ctx: DataContext, mutationId: string): Promise<boolean> {
  const { db } = ctx;
  const setAside = (await db.syncState.get(SYNC_KEYS.setAside(mutationId)))?.value as SetAsideMutation | undefined;
  if (!setAside) return false;
  const { mutation } = setAside;
  const store = db.records(mutation.entity);
  return db.transaction('rw', [...new Set([...store.tables, db.outbox, db.syncState])], async () => {
    const current = (await store.get(mutation.recordId)) as WireRecord | undefined;
    if (mutation.op === 'upsert' && !current) return false;
    const sameRecord = (m: { entity: string; recordId: string }) => m.entity === mutation.entity && m.recordId === mutation.recordId;
    const siblings = (await db.syncState.where('key').startsWith(SET_ASIDE_PREFIX).toArray()).filter((row) => sameRecord((row.value as SetAsideMutation).mutation));
    const queued = (await readOutbox(db)).filter(sameRecord);
    const fields = new Set(current?.version === 0 ? Object.keys(current) : []);
    for (const m of [mutation, ...siblings.map((row) => (row.value as SetAsideMutation).mutation), ...queued]) for (const field of Object.keys(m.changes)) fields.add(field);
    const changes = current && mutation.op === 'upsert' ? Object.fromEntries([...fields].map((field) => [field, current[field] ?? null])) : {};
    await editOutbox(db, { removed: queued });
    await db.syncState.bulkDelete(siblings.map((row) => row.key));
    await db.outbox.add(
      mutationSchema.parse({ ...mutation, mutationId: ctx.newId(), baseVersion: Number(current?.version ?? mutation.baseVersion), changes, madeAt: ctx.now() }),
    );
    return true;
  });
}

/**
 * Resolves a conflict as a person chose. "Mine" sends the laptop's values again
 * on the server's version; "server" keeps the server's values for the fields in
 * conflict and still sends the laptop's other fields (edits of different fields
 * merge). Either way it is an ordinary local change — record, audit and outbox
 * in one transaction, here with the conflict row removed in it too.
 */
export async function resolveConflict(ctx: DataContext, mutationId: string, choice: ConflictChoice, actor: string): Promise<void> {
  const { db } = ctx;
  const conflict = (await db.syncState.get(SYNC_KEYS.conflict(mutationId)))?.value as StoredConflict | undefined;
  if (!conflict) return;
  const { mutation } = conflict;
  const store = db.records(mutation.entity);
  await db.transaction('rw', [...writeScope(db, [mutation.entity], localChange(ctx)), db.syncState], async () => {
    const current = (await store.get(mutation.recordId)) as WireRecord | undefined;
    const change = decide(conflict, current, choice);
    if (change) {
      const summary = message('audit.sync.conflictResolved', { kept: { word: `code.conflictKept.${choice}` }, entity: { word: `code.entity.${mutation.entity}` }, id: mutation.recordId });
      await writeChange(ctx, { entity: mutation.entity, ...change, actor, action: 'conflict_resolution', summary, ...clientIdOf(mutation.entity, change.after ?? change.before) });
    }
    await db.syncState.delete(SYNC_KEYS.conflict(mutationId));
  });
}

type Decided = { before: EntityRecords[EntityType] | undefined; after: EntityRecords[EntityType] | null; whole?: boolean } | undefined;

function decide(conflict: StoredConflict, current: WireRecord | undefined, choice: ConflictChoice): Decided {
  const { mutation } = conflict;
  const parse = (record: WireRecord) => parseEntity(entitySchemas[mutation.entity], record, ENTITY_LABELS[mutation.entity]);
  if (mutation.op === 'delete') return choice === 'mine' && current ? { before: parse(current), after: null } : undefined;
  if (!current) {
    // Deleted on the server meanwhile: keeping mine recreates it on the server's (deleted) version.
    if (choice === 'server' || !conflict.localRecord) return undefined;
    const deletedStub = { id: mutation.recordId, version: conflict.serverVersion } as EntityRecords[EntityType];
    return { before: deletedStub, after: parse({ ...conflict.localRecord, version: conflict.serverVersion }), whole: true };
  }
  const after = settleConflict(mutation, current, conflict.conflicts, choice);
  return after && { before: parse(current), after: parse(after) };
}

export function clientIdOf(entity: EntityType, record: object | null | undefined): { clientId?: string } {
  const r = record as { id?: string; clientId?: string } | null | undefined;
  const clientId = entity === 'clients' ? r?.id : r?.clientId;
  return clientId ? { clientId } : {};
}
