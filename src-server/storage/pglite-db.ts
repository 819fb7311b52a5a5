import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

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
 * at a time, which also serialises writers.
 */
export async function openPgliteDb(dataDir: string | undefined): Promise<Db> {
  const pglite = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  return {
    kind: 'embedded',
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  };
}
