import path from 'node:path';
import type { Db } from './db';
import { openPgDb } from './pg-db';
import { openPgliteDb } from './pglite-db';
import { migrate } from './migrate';
import { rebuildPendingDigests } from '../sync/reconcile';

/** Where the data lives: PostgreSQL by URL, the embedded engine in a folder, or in memory (tests). */
export type StorageConfig = { databaseUrl: string } | { dataDir: string } | { inMemory: true };

export const DEFAULT_DATA_DIR = '.data/server';

/** `DATABASE_URL` wins; otherwise the embedded engine in `dataDir` (default `.data/server` under cwd). */
export function storageFromEnv(env: NodeJS.ProcessEnv, dataDir?: string): StorageConfig {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: path.resolve(dataDir ?? DEFAULT_DATA_DIR) };
}

/** Opens the storage and brings its schema up to date (and what a migration left pending: the reconciliation digests). */
export async function openStorage(config: StorageConfig): Promise<Db> {
  const db =
    'databaseUrl' in config ? await openPgDb(config.databaseUrl) : await openPgliteDb('dataDir' in config ? config.dataDir : undefined);
  try {
    await migrate(db);
    // A migration that needs the records' hashes (computed in TypeScript, as the laptop does) leaves its table pending.
    await rebuildPendingDigests(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export function describeStorage(config: StorageConfig): string {
  if ('databaseUrl' in config) return 'PostgreSQL (DATABASE_URL)';
  return 'dataDir' in config ? `embarqué (${config.dataDir})` : 'embarqué (en mémoire)';
}
