import { createDataContext, type DataContext } from './context';
import { createDatabase, type ContratsDb, type DatabaseOptions } from './db';
import { createRepositories, type Repositories } from './repositories';
import { ensureDeviceId } from './sync-state/keys';
import { rebuildPendingSummaries } from './sync-state/pulled-changes';

/** The opened local database with its repositories: what the app provides to its screens. */
export interface DataLayer {
  db: ContratsDb;
  ctx: DataContext;
  repos: Repositories;
}

/**
 * Opens (and migrates) the local database, makes the device id on first
 * start, binds the repositories. A migration that changes what the portfolio
 * summaries hold only marks them pending (migrations are frozen: they never
 * import the read model); they are rebuilt here, after opening, before any
 * screen reads them — as after an interrupted first sync.
 */
export async function openDataLayer(options: DatabaseOptions & Partial<Pick<DataContext, 'now' | 'newId'>> = {}): Promise<DataLayer> {
  const { now, newId, ...dbOptions } = options;
  const db = createDatabase(dbOptions);
  await db.open();
  await rebuildPendingSummaries(db);
  const deviceId = await ensureDeviceId(db, newId);
  const ctx = createDataContext(db, deviceId, { ...(now ? { now } : {}), ...(newId ? { newId } : {}) });
  return { db, ctx, repos: createRepositories(ctx) };
}
