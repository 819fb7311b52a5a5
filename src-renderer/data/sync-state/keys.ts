import type { EntityType, FieldConflict, Mutation, TableDigest, WireRecord } from '../../../src-core';
import type { ContratsDb } from '../db';

/**
 * What the sync engine keeps locally lives in the settings table under keys
 * prefixed `sync.`: one row per item, so a conflict or a set-aside mutation is
 * written in the same transaction as the outbox entry it replaces, and no
 * schema migration is needed for a handful of rows.
 */
export const SYNC_KEYS = {
  server: 'sync.server',
  lastSync: 'sync.lastSync',
  reconcile: 'sync.reconcile',
  /** Set once the first full pull from this server has been checked for records it does not know. */
  portfolioChecked: 'sync.portfolioChecked',
  /**
   * Set by an initial pull that defers the portfolio summaries (in the same
   * transaction as its pages); cleared by the rebuild that ends the stream. A
   * crash in between leaves it set, and the next pull's end rebuilds them.
   */
  summariesPending: 'sync.summariesPending',
  /** Why the central API did not grant this laptop its numbering series (French, shown on the Synchronisation screen); absent once granted. */
  grantProblem: 'sync.grantProblem',
  cursor: (stream: string) => `sync.cursor.${stream}`,
  conflict: (mutationId: string) => `sync.conflict.${mutationId}`,
  setAside: (mutationId: string) => `sync.setAside.${mutationId}`,
} as const;
export const CONFLICT_PREFIX = 'sync.conflict.';
export const SET_ASIDE_PREFIX = 'sync.setAside.';

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
  at: string;
}

/** A mutation the server refused for good: out of the queue, kept and shown with its reason. */
export interface SetAsideMutation {
  mutation: Mutation;
  reason: string;
  at: string;
}

export interface TableComparison {
  local: TableDigest;
  server: TableDigest;
  same: boolean;
}

/** Outcome of the last reconciliation check: divergence is reported, never hidden. */
export interface ReconcileReport {
  at: string;
  same: boolean;
  tables: Record<EntityType, TableComparison>;
}

export async function readSyncValue<T>(db: ContratsDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function writeSyncValue(db: ContratsDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** Every row under a prefix (conflicts, set-aside mutations), oldest first. */
export async function readSyncRows<T extends { at: string }>(db: ContratsDb, prefix: string): Promise<T[]> {
  const rows = await db.settings.where('key').startsWith(prefix).toArray();
  return rows.map((row) => row.value as T).sort((a, b) => a.at.localeCompare(b.at));
}
