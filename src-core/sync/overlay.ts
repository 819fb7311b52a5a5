import { RECORD_META_FIELDS, applyFieldChanges, differingFields } from './field-changes';
import type { WireRecord } from './common';
import type { Mutation } from './mutation';
import type { FieldConflict } from './push';

/**
 * The laptop's side of the sync protocol (ARCHITECTURE.md, data flow 4b):
 * what it shows while its changes wait for the server, how those changes
 * follow the server's answers, and how a conflict a person settles becomes a
 * change again. Pure: the data layer stores what these functions decide.
 */

/** A local change the server has not answered yet (an outbox entry). */
export type PendingChange = Pick<Mutation, 'entity' | 'recordId' | 'op' | 'changes' | 'baseVersion'>;

export function recordKey(entity: string, recordId: string): string {
  return `${entity}/${recordId}`;
}

/** Pending changes grouped by record, each group in the order they were made (`seq`, the outbox's order). */
export function pendingByRecord<M extends PendingChange & { seq?: number }>(entries: readonly M[]): Map<string, M[]> {
  const map = new Map<string, M[]>();
  for (const entry of [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    const key = recordKey(entry.entity, entry.recordId);
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  }
  return map;
}

/**
 * The record the laptop shows: the server's state (null: none or deleted)
 * with the local changes not yet answered replayed on top, in the order they
 * were made, so a pull never hides a change the account manager just made.
 * The version stays the server's: the next local edit is made on it.
 * `shown` is the record the laptop showed before: an edit (base version > 0)
 * of a record the server deleted meanwhile carries only its changed fields,
 * so it stands on `shown` — the push will meet the deletion as a conflict —
 * where a creation (base 0) carries every field and stands on nothing.
 */
export function overlayPending(serverRecord: WireRecord | null, version: number, pending: readonly PendingChange[], shown?: WireRecord): WireRecord | null {
  let record = serverRecord;
  for (const change of pending) {
    const base = record ?? (change.baseVersion > 0 ? shown : undefined) ?? {};
    // An emptied field travels as null; stored as its schema says (absent, or null where null is a value), as the server stores it.
    record = change.op === 'delete' ? null : applyFieldChanges(change.entity, base, change.changes);
  }
  return record && { ...record, version };
}

/**
 * The server applied a change of a record at `appliedVersion`: the record's
 * later pending changes were made on top of it, so they now stand on that
 * version (else the server would see its own new fields as edits made since
 * their base, and report conflicts with ourselves). Answers them in the same
 * order, each on its new base (a change already on a later version keeps it).
 */
export function rebasePending<M extends PendingChange>(later: readonly M[], appliedVersion: number): M[] {
  return later.map((change) => (change.baseVersion < appliedVersion ? { ...change, baseVersion: appliedVersion } : change));
}

export type ConflictChoice = 'mine' | 'server';

/**
 * A conflicted upsert settled by a person, replayed on the laptop's current
 * record (which holds the server's version): "mine" applies every field sent
 * again; "server" keeps the server's values for the fields in conflict and
 * still applies the other fields (edits of different fields merge). Answers
 * the record after, or undefined when that changes nothing (no change to send).
 */
export function settleConflict(change: PendingChange, current: WireRecord, conflicts: readonly FieldConflict[], choice: ConflictChoice): WireRecord | undefined {
  const inConflict = new Set(conflicts.map((c) => c.field));
  // A creation travels whole, metadata included: the version and clock stay the current record's.
  const kept = Object.entries(change.changes).filter(([field]) => !RECORD_META_FIELDS.includes(field) && (choice === 'mine' || !inConflict.has(field)));
  const after = applyFieldChanges(change.entity, current, Object.fromEntries(kept));
  return differingFields(current, after).length > 0 ? after : undefined;
}
