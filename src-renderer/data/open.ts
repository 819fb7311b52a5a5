import { createDataContext, type DataContext } from './context';
import { createDatabase, type ContratsDb, type DatabaseOptions } from './db';
import { createRepositories, type Repositories } from './repositories';
import { ensureDeviceId } from './repositories/settings';
import { rebuildPendingSummaries } from './sync-state/pulled-changes';

/** The opened local database with its repositories: what the app provides to its screens. */
export interface DataLayer {
  db: ContratsDb;
  ctx: DataContext;
  repos: Repositories;
}

/**
 * Opens (and migrates) the local database, makes the device id on first start,
 * rebuilds the read model when it is marked pending (a migration that changed
 * its shape, or a first sync stopped before its end), binds the repositories.
 */
export async function openDataLayer(options: DatabaseOptions & Partial<Pick<DataContext, 'now' | 'newId'>> = {}): Promise<DataLayer> {
  const { now, newId, ...dbOptions } = options;
  const db = createDatabase(dbOptions);
  await db.open();
  const deviceId = await ensureDeviceId(db, newId);
  await rebuildPendingSummaries(db);
  const ctx = createDataContext(db, deviceId, { ...(now ? { now } : {}), ...(newId ? { newId } : {}) });
  return { db, ctx, repos: createRepositories(ctx) };
}
