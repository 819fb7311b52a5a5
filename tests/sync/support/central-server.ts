import { createUser } from '../../../src-server/auth/users';
import { openStorage } from '../../../src-server/storage/open-storage';
import { startServerProcess, type ServerProcess } from '../../server/support/server-process';
import { embeddedStorage, type TestStorage } from '../../server/support/storages';

/** Starting the embedded engine takes seconds, tens of them on a busy machine. */
export const SERVER_TIMEOUT = 180_000;

export interface CentralServer {
  /** Current URL: it changes at each restart (port 0). */
  url(): string;
  tokens: { alice: string; bob: string; ingest: string };
  /** Stops the process and starts it again on the same data folder. */
  restart(): Promise<void>;
  /** Stops the server for good and runs `inspect` on its storage in-process (the last check of a suite: a restart costs seconds). */
  stopAndInspect<T>(inspect: (db: Awaited<ReturnType<typeof openStorage>>) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

/**
 * The real central API as a child process on a temporary storage — an
 * embedded data folder by default, or PostgreSQL — with two account managers
 * and an ingest account seeded first (one process at a time owns an embedded
 * folder). A generous rate limit: the randomized tests send many small
 * requests from 127.0.0.1. `more`: other `serve` options (an approved platform).
 */
export async function startCentralServer(openTestStorage: () => Promise<TestStorage> = embeddedStorage, more: { args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<CentralServer> {
  const storage: TestStorage = await openTestStorage();
  const db = await openStorage(storage.config);
  const tokens = {
    alice: (await createUser(db, 'alice', 'account_manager')).token,
    bob: (await createUser(db, 'bob', 'account_manager')).token,
    ingest: (await createUser(db, 'plateforme', 'ingest')).token,
  };
  await db.close();
  const start = () => startServerProcess([...storage.cliArgs, '--rate-limit', '100000', ...(more.args ?? [])], { ...storage.cliEnv, ...more.env });
  let server: ServerProcess = await start();
  return {
    url: () => server.url,
    tokens,
    async restart() {
      await server.stop();
      server = await start();
    },
    async stopAndInspect(inspect) {
      await server.stop();
      const storageDb = await openStorage(storage.config);
      try {
        return await inspect(storageDb);
      } finally {
        await storageDb.close();
      }
    },
    async dispose() {
      await server.stop();
      await storage.dispose();
    },
  };
}
