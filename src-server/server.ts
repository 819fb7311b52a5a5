import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Db } from './storage/db';
import { openStorage, type StorageConfig } from './storage/open-storage';
import { buildApp } from './http/app';

export interface ServerOptions {
  storage: StorageConfig;
  /** 0 = any free port (tests). */
  port?: number;
  host?: string;
  rateLimitPerMinute?: number;
  logger?: FastifyServerOptions['logger'];
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  db: Db;
  /** Stops accepting requests, lets running ones finish, then closes the storage. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = await openStorage(options.storage);
  try {
    const app = await buildApp(db, { rateLimitPerMinute: options.rateLimitPerMinute, logger: options.logger });
    const url = await app.listen({ port: options.port ?? 8787, host: options.host ?? '127.0.0.1' });
    return {
      url,
      app,
      db,
      async close() {
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
