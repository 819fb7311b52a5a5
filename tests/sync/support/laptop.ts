import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDataLayer, type DataLayer } from '../../../src-renderer/data';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../../src-renderer/sync/engine';
import { faultyTransport, type FaultyTransport } from './transport';

/** The engine never talks to this host: the transport maps it to the current server URL. */
const APP_SERVER_URL = 'http://sync.test';

export interface Laptop {
  name: string;
  data: DataLayer;
  engine: SyncEngine;
  transport: FaultyTransport;
  /** Drops the engine and the open database without any cleanup, then reopens the same "disk". */
  crash(): Promise<void>;
  close(): void;
}

export interface LaptopOptions {
  token: string;
  /** Offset of this laptop's clock from the real one, in ms (clock skew tests). */
  clockSkewMs?: number;
  engine?: Partial<SyncEngineOptions>;
}

/**
 * A simulated laptop: its own fake-indexeddb "disk" (an IDBFactory survives a
 * crash of the engine and the database connection, like a profile on disk),
 * the real data layer and the real sync engine, over a faulty transport.
 */
export async function openLaptop(name: string, serverUrl: () => string, options: LaptopOptions): Promise<Laptop> {
  const disk = new IDBFactory();
  const transport = faultyTransport(serverUrl);
  const now = () => new Date(Date.now() + (options.clockSkewMs ?? 0)).toISOString();
  const open = async () => {
    const data = await openDataLayer({ name: `contrats-${name}`, indexedDB: disk, IDBKeyRange, now });
    const engine = createSyncEngine({
      dataLayer: data,
      baseUrl: APP_SERVER_URL,
      token: options.token,
      fetch: transport.fetch,
      timeoutMs: 2_000,
      now,
      backoff: { baseMs: 10, maxMs: 50 },
      ...options.engine,
    });
    return { data, engine };
  };
  const laptop: Laptop = {
    name,
    ...(await open()),
    transport,
    async crash() {
      laptop.engine.stop();
      laptop.data.db.close();
      Object.assign(laptop, await open());
    },
    close() {
      laptop.engine.stop();
      laptop.data.db.close();
    },
  };
  return laptop;
}

/** Syncs until a sync succeeds (faults planned in the transport are consumed on the way). */
export async function syncUntilClean(laptop: Laptop, attempts = 10) {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await laptop.engine.syncNow();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
