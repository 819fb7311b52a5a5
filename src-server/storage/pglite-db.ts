import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';
import { lockDataFolder } from './data-folder-lock';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<Row>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL (WASM) in a data folder, or in memory when `dataDir` is
 * undefined. One connection: PGlite queues statements and runs one transaction
 * at a time, which also serialises writers. A data folder is locked for the
 * life of the connection (data-folder-lock): one process owns it.
 */
export async function openPgliteDb(dataDir: string | undefined): Promise<Db> {
  const release = dataDir === undefined ? async () => undefined : await lockDataFolder(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  } catch (error) {
    await release();
    throw error;
  }
  return {
    kind: 'embedded',
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        await pglite.close();
      } finally {
        await release();
      }
    },
  };
}
