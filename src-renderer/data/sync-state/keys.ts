import type { EntityType, FieldConflict, Message, Mutation, RecordDifference, TableDigest, WireRecord } from '../../../src-core';
import type { ContratsDb } from '../db';

export const CONFLICT_PREFIX = 'conflict.';
export const SET_ASIDE_PREFIX = 'setAside.';
/** An issue request sent to the central API whose answer never came back (invoicing/awaiting-central-issue.ts). */
export const CENTRAL_ISSUE_PREFIX = 'centralIssue.';

/**
 * What the sync engine keeps locally lives in its own table, `syncState`
 * (since v9; before, in `settings` under keys prefixed `sync.`): one row per
 * item, so a conflict or a set-aside mutation is written in the same
 * transaction as the outbox entry it replaces.
 */
export const SYNC_KEYS = {
  /** This installation's id, carried by every mutation; made once on first start, kept when signing out. */
  deviceId: 'deviceId',
  server: 'server',
  lastSync: 'lastSync',
  reconcile: 'reconcile',
  /** Set once the first full pull from this server has been checked for records it does not know. */
  portfolioChecked: 'portfolioChecked',
  /**
   * Set by a first load that defers the read model (the write gateway's
   * `FIRST_LOAD`: an initial pull's pages, the demo data), in the same
   * transaction as its records; cleared by the rebuild that ends it
   * (`rebuildPendingReadModel`). A crash in between leaves it set, and the next
   * pull's end rebuilds it. A migration that changes what summaries hold sets
   * it too, and opening the data layer rebuilds it.
   */
  summariesPending: 'summariesPending',
  /**
   * Set by the migration that adds the reconciliation digests (v12): they are
   * computed from the records once, when the data layer opens, and the mark
   * cleared in the same transaction (read-model/record-digests.ts).
   */
  digestsPending: 'digestsPending',
  /** Why the central API did not grant this laptop its numbering series (GrantProblem; a French string before issue 19's s12), shown on the Synchronisation screen; absent once granted. */
  grantProblem: 'grantProblem',
  /** The person the central API said the token belongs to (sync/person.ts). */
  person: 'person',
  cursor: (stream: string) => `cursor.${stream}`,
  conflict: (mutationId: string) => `${CONFLICT_PREFIX}${mutationId}`,
  setAside: (mutationId: string) => `${SET_ASIDE_PREFIX}${mutationId}`,
} as const;

/** The central API this laptop syncs with (the token is in the platform's secret store, never here). */
export interface SyncServer {
  url: string;
}

/** A mutation the server answered with a conflict: kept for a person to choose, side by side. */
export interface StoredConflict {
  mutation: Mutation;
  serverVersion: number;
  /** Null when the server has deleted the record. */
  serverRecord: WireRecord | null;
  /** The laptop's record as it was when the conflict came back (needed to recreate a record deleted on the server). */
  localRecord: WireRecord | null;
  conflicts: FieldConflict[];
  reason: string;
  /** The reason as the server's message code (issue 19), said in the interface's language; absent from older answers. */
  said?: Message;
  at: string;
}

/** Why the server refused this laptop its series: its French, and its message code when the server sent one. */
export interface GrantProblem {
  reason: string;
  said?: Message;
}

/** A mutation the server refused for good: out of the queue, kept and shown with its reason. */
export interface SetAsideMutation {
  mutation: Mutation;
  /** French, as the server (or this laptop) wrote it. */
  reason: string;
  /** The reason as a message code (issue 19), said in the interface's language; absent from older answers. */
  said?: Message;
  at: string;
}

export interface TableComparison {
  local: TableDigest;
  server: TableDigest;
  same: boolean;
  /** When the table differs: the records that differ, in the buckets the server listed (src-core/sync/digest.ts). */
  records?: RecordDifference[];
  /** False when more buckets differ than the server listed at once: `records` names some of the differences only. */
  complete?: boolean;
}

/** Outcome of the last reconciliation check: divergence is reported, never hidden. */
export interface ReconcileReport {
  at: string;
  same: boolean;
  tables: Record<EntityType, TableComparison>;
}

export async function readSyncValue<T>(db: ContratsDb, key: string): Promise<T | undefined> {
  return (await db.syncState.get(key))?.value as T | undefined;
}

export async function writeSyncValue(db: ContratsDb, key: string, value: unknown): Promise<void> {
  await db.syncState.put({ key, value });
}

export async function deleteSyncValue(db: ContratsDb, key: string): Promise<void> {
  await db.syncState.delete(key);
}

/** Every row under a prefix (conflicts, set-aside mutations), oldest first. */
export async function readSyncRows<T extends { at: string }>(db: ContratsDb, prefix: string): Promise<T[]> {
  const rows = await db.syncState.where('key').startsWith(prefix).toArray();
  return rows.map((row) => row.value as T).sort((a, b) => a.at.localeCompare(b.at));
}

/** The laptop's device id, made once on first start (kept by sign-out, with or without erasing the data). */
export async function ensureDeviceId(db: ContratsDb, newId: () => string = () => crypto.randomUUID()): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const existing = await readSyncValue<string>(db, SYNC_KEYS.deviceId);
    if (existing) return existing;
    const deviceId = newId();
    await writeSyncValue(db, SYNC_KEYS.deviceId, deviceId);
    return deviceId;
  });
}
