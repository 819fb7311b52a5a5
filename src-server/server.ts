import type { FastifyInstance } from 'fastify';
import type { Db } from './storage/db';
import { openStorage, type StorageConfig } from './storage/open-storage';
import { buildApp, type AppOptions } from './http/app';
import { describeError } from './http/log-redaction';
import { listenAdminSocket } from './admin/admin-socket';
import { DEFAULT_ANSWER_RETENTION_DAYS, pruneAnswers } from './sync/answer-retention';
import { httpPlatform, type PlatformConnection } from './einvoicing/platform-client';
import { startPlatformWorker, type PlatformWorker, type PlatformWorkerOptions } from './einvoicing/platform-worker';
import { startPlatformSimulator, type PlatformSimulator, type SimulatorOptions } from './einvoicing/simulator';

/**
 * E-invoicing (issue 18): the approved platform to send issued documents to —
 * a real one (its flow service URL and token), or the local simulator started
 * in this process — and how the queue paces itself and knows the seller.
 */
export type PlatformConfig = PlatformWorkerOptions & ({ connection: PlatformConnection } | { simulator: Omit<SimulatorOptions, 'token'> });

export interface ServerOptions extends AppOptions {
  storage: StorageConfig;
  /** 0 = any free port (tests). */
  port?: number;
  host?: string;
  /** Days a push answer keeps its copy of the record (sync/answer-retention). */
  answerRetentionDays?: number;
  /** No platform: documents are not transmitted (nothing queued either). */
  platform?: PlatformConfig;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  db: Db;
  /** Prunes the push answers past their retention now (also done at start and every hour); answers how many. */
  pruneAnswers(): Promise<number>;
  /** The local platform simulator, when the server started one. */
  simulator?: PlatformSimulator;
  /** Stops accepting requests, lets running ones finish, then closes the storage. */
  close(): Promise<void>;
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = await openStorage(options.storage);
  try {
    const { storage: _storage, port, host, answerRetentionDays, platform, ...appOptions } = options;
    const app = await buildApp(db, appOptions);
    const prune = () => pruneAnswers(db, answerRetentionDays ?? DEFAULT_ANSWER_RETENTION_DAYS);
    await prune();
    const pruning = setInterval(() => void prune().catch((error: unknown) => app.log.error({ failure: describeError(error) }, 'answer pruning failed')), PRUNE_EVERY_MS);
    pruning.unref();
    const url = await app.listen({ port: port ?? 8787, host: host ?? '127.0.0.1' });
    // The CLI's user commands go through this server while it owns an embedded folder (admin/admin-socket).
    const closeAdmin =
      'dataDir' in options.storage ? await listenAdminSocket(db, options.storage.dataDir, (failure) => app.log.error({ failure }, 'admin command failed')) : async () => undefined;
    const { worker, simulator } = platform ? await startPlatform(db, platform, (message) => app.log.warn(message)) : {};
    return {
      url,
      app,
      db,
      pruneAnswers: prune,
      ...(simulator ? { simulator } : {}),
      async close() {
        clearInterval(pruning);
        await worker?.stop();
        await simulator?.close();
        await closeAdmin();
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function startPlatform(db: Db, config: PlatformConfig, log: (message: string) => void): Promise<{ worker: PlatformWorker; simulator?: PlatformSimulator }> {
  if ('connection' in config) return { worker: startPlatformWorker(db, httpPlatform(config.connection), config, log) };
  const simulator = await startPlatformSimulator({ ...config.simulator, token: crypto.randomUUID() });
  return { simulator, worker: startPlatformWorker(db, httpPlatform({ baseUrl: simulator.url, token: simulator.token }), config, log) };
}
