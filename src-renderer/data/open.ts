import { createCommands, type Commands } from './commands';
import { createDataContext, type DataContext } from './context';
import { createDatabase, type ContratsDb, type DatabaseOptions } from './db';
import { createRepositories, type Repositories } from './repositories';
import { ensureDeviceId } from './repositories/settings';

/** The opened local database with its repositories (reads) and commands (writes): what the app provides to its screens. */
export interface DataLayer {
  db: ContratsDb;
  ctx: DataContext;
  repos: Repositories;
  commands: Commands;
}

/** Opens (and migrates) the local database, makes the device id on first start, binds the repositories and commands. */
export async function openDataLayer(options: DatabaseOptions & Partial<Pick<DataContext, 'now' | 'newId'>> = {}): Promise<DataLayer> {
  const { now, newId, ...dbOptions } = options;
  const db = createDatabase(dbOptions);
  await db.open();
  const deviceId = await ensureDeviceId(db, newId);
  const ctx = createDataContext(db, deviceId, { ...(now ? { now } : {}), ...(newId ? { newId } : {}) });
  return { db, ctx, repos: createRepositories(ctx), commands: createCommands(ctx) };
}
