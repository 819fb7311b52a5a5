import type { Transaction } from 'dexie';

/**
 * One schema version of the local database. Each version lives in its own
 * module and is never edited once released: a laptop that skipped versions
 * replays them in order, so the path from any old database stays tested.
 */
export interface Migration {
  version: number;
  /** Dexie store declarations of the tables this version adds or changes (null deletes a table). */
  stores: Record<string, string | null>;
  /** Upgrades the records already stored, inside the version-change transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}
