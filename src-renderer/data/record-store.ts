import type { Table } from 'dexie';
import type { Client, Contract, EntityRecords, EntityType, WireRecord } from '../../src-core';
import { contractsOfClients, readClients, readContracts, writeClientRows, type ClientRow, type ClientRowChanges } from './client-rows';

/**
 * The stored records of one synced entity, whatever rows hold them: most
 * entities have a table of their own; clients and contracts share the client
 * rows (client-rows.ts). Writes of clients and contracts read and rewrite
 * their rows: inside one transaction, await each before the next, so that
 * two of them never rewrite the same row from the same read.
 */
export interface RecordStore<R> {
  /** The tables a transaction over these records must cover. */
  readonly tables: readonly Table[];
  get(id: string): Promise<R | undefined>;
  bulkGet(ids: readonly string[]): Promise<(R | undefined)[]>;
  put(record: R): Promise<void>;
  bulkPut(records: readonly R[]): Promise<void>;
  delete(id: string): Promise<void>;
  bulkDelete(ids: readonly string[]): Promise<void>;
  toArray(): Promise<R[]>;
  /** Calls `visit` for each record without holding them all (a cursor where the rows are the records). */
  each(visit: (record: R) => void): Promise<void>;
  count(): Promise<number>;
}

export interface ContractStore extends RecordStore<Contract> {
  /** The contracts of these clients. */
  ofClients(clientIds: readonly string[]): Promise<Contract[]>;
}

export function tableStore<R extends { id: string }>(table: Table<R, string>): RecordStore<R> {
  return {
    tables: [table],
    get: (id) => table.get(id),
    bulkGet: (ids) => table.bulkGet([...ids]),
    put: async (record) => void (await table.put(record)),
    bulkPut: async (records) => void (await table.bulkPut([...records])),
    delete: (id) => table.delete(id),
    bulkDelete: (ids) => table.bulkDelete([...ids]),
    toArray: () => table.toArray(),
    each: (visit) => table.each(visit),
    count: () => table.count(),
  };
}

/** Reads, writes and lists one kind of record held in the rows (clients or contracts). */
function rowStore<R>(
  rows: Table<ClientRow, string>,
  read: (ids: readonly string[]) => Promise<(R | undefined)[]>,
  of: (row: ClientRow) => readonly R[],
  write: (puts: readonly R[], deletes: readonly string[]) => ClientRowChanges,
): RecordStore<R> {
  const all = async () => (await rows.toArray()).flatMap(of);
  return {
    tables: [rows],
    get: async (id) => (await read([id]))[0],
    bulkGet: read,
    put: (record) => writeClientRows(rows, write([record], [])),
    bulkPut: (records) => writeClientRows(rows, write(records, [])),
    delete: (id) => writeClientRows(rows, write([], [id])),
    bulkDelete: (ids) => writeClientRows(rows, write([], ids)),
    toArray: all,
    each: (visit) => rows.each((row) => of(row).forEach(visit)),
    count: async () => (await all()).length,
  };
}

export function clientStore(rows: Table<ClientRow, string>): RecordStore<Client> {
  return rowStore(
    rows,
    (ids) => readClients(rows, ids),
    (row) => (row.client ? [row.client] : []),
    (puts, deletes) => ({ clients: { puts, deletes } }),
  );
}

export function contractStore(rows: Table<ClientRow, string>): ContractStore {
  return {
    ...rowStore(
      rows,
      (ids) => readContracts(rows, ids),
      (row) => row.contracts,
      (puts, deletes) => ({ contracts: { puts, deletes } }),
    ),
    ofClients: (clientIds) => contractsOfClients(rows, clientIds),
  };
}

/**
 * What writing records needs of the database: the client rows and each
 * entity's store (db.ts's ContratsDb, which builds its stores from this
 * module — named here so that this module does not import it back).
 */
export interface RecordsDb {
  readonly clientRows: Table<ClientRow, string>;
  records<E extends EntityType>(entity: E): RecordStore<EntityRecords[E]>;
}

/** Records of one entity to put and ids to delete (records from elsewhere: pulled, or answered by the server). */
export interface RecordWrites {
  entity: EntityType;
  puts: readonly WireRecord[];
  deletes: readonly string[];
}

const ROW_ENTITIES: ReadonlySet<EntityType> = new Set(['clients', 'contracts']);

/** Whether the entity's records live in the client rows. */
export const inClientRows = (entity: EntityType): boolean => ROW_ENTITIES.has(entity);

/**
 * Issues the writes of several entities at once: clients and contracts
 * together, each client row read and written once (`rowsStored: false` —
 * none can be stored yet — skips reading them), the other entities into
 * their tables. Runs inside the caller's read-write transaction.
 */
export function writeRecords(db: RecordsDb, writes: readonly RecordWrites[], { rowsStored = true }: { rowsStored?: boolean } = {}): Promise<unknown> {
  const rows = writes.filter((w) => inClientRows(w.entity));
  const rowChanges = Object.fromEntries(rows.map((w) => [w.entity, { puts: w.puts, deletes: w.deletes }])) as ClientRowChanges;
  return Promise.all([
    rows.length > 0 ? writeClientRows(db.clientRows, rowChanges, { stored: rowsStored }) : undefined,
    ...writes
      .filter((w) => !inClientRows(w.entity))
      .map((w) => {
        const store: RecordStore<WireRecord> = db.records(w.entity);
        return Promise.all([w.puts.length > 0 ? store.bulkPut(w.puts) : undefined, w.deletes.length > 0 ? store.bulkDelete(w.deletes) : undefined]);
      }),
  ]);
}

/** The tables holding these entities' records: what a transaction over them covers. */
export function recordTables(db: RecordsDb, entities: Iterable<EntityType>): Table[] {
  return [...new Set([...entities].flatMap((e) => db.records(e).tables))];
}
