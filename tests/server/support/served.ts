import type { Db } from '../../../src-server/storage/db';
import { openStorage } from '../../../src-server/storage/open-storage';
import { apiClient, type ApiClient } from './api';
import { startServerProcess, type ServerProcess } from './server-process';
import type { TestStorage } from './storages';

export interface Served {
  storage: TestStorage;
  server: ServerProcess;
  api: ApiClient;
}

/**
 * A server process on a fresh storage of `open`, with what `seed` writes
 * (users, tokens) stored in-process before the server starts: an embedded
 * data folder has one owner at a time.
 */
export async function serveSeeded(open: () => Promise<TestStorage>, seed: (db: Db) => Promise<void>, serveArgs: readonly string[] = []): Promise<Served> {
  const storage = await open();
  const db = await openStorage(storage.config);
  await seed(db);
  await db.close();
  const server = await startServerProcess([...storage.cliArgs, ...serveArgs], storage.cliEnv);
  return { storage, server, api: apiClient(server.url) };
}
