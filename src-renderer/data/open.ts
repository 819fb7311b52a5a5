import { createCommands, type Commands } from './commands';
import { createDataContext, type DataContext } from './context';
import { createDatabase, type ContratsDb, type DatabaseOptions } from './db';
import { createRepositories, type Repositories } from './repositories';
import { ensureDeviceId } from './sync-state/keys';
import { rebuildPendingDigests } from './read-model/record-digests';
import { ensurePortfolioHead } from './read-model/portfolio-chunks';
import { rebuildPendingReadModel } from './writes/gateway';

/** The opened local database with its repositories (reads) and commands (writes): what the app provides to its screens. */
export interface DataLayer {
  db: ContratsDb;
  ctx: DataContext;
  repos: Repositories;
  commands: Commands;
}

/**
 * Opens (and migrates) the local database, makes the device id on first
 * start, binds the repositories (reads) and commands (writes). A migration
 * that changes what the read model holds only marks it pending (migrations are
 * frozen: they never import the read model); it is rebuilt here, after opening,
 * before any screen reads it — as after an interrupted first sync; so are the
 * reconciliation digests a migration left pending (v12); and the clients
 * list's first screen, for summaries written by an earlier version.
 */
export async function openDataLayer(options: DatabaseOptions & Partial<Pick<DataContext, 'now' | 'newId'>> = {}): Promise<DataLayer> {
  const { now, newId, ...dbOptions } = options;
  const db = createDatabase(dbOptions);
  await db.open();
  // Independent: issued together, so the first screen waits for one round trip to the store, not four.
  const [, , deviceId] = await Promise.all([
    rebuildPendingReadModel(db).then(() => ensurePortfolioHead(db)),
    rebuildPendingDigests(db),
    ensureDeviceId(db, newId),
  ]);
  const ctx = createDataContext(db, deviceId, { ...(now ? { now } : {}), ...(newId ? { newId } : {}) });
  return { db, ctx, repos: createRepositories(ctx), commands: createCommands(ctx) };
}
