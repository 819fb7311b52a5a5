import type { Table } from 'dexie';
import type { Client, Contract, EntityRecords, EntityType, WireRecord } from '../../src-core';
import { contractsOfClients, readClients, readContracts, writeClientFiles, type ClientFile, type ClientFileChanges } from './client-files';

/**
 * The stored records of one synced entity, whatever rows hold them: most
 * entities have a table of their own; clients and contracts share the client
 * files (client-files.ts). Writes of clients and contracts read and rewrite
 * their files: inside one transaction, await each before the next, so that
 * two of them never rewrite the same file from the same read.
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

/** Reads, writes and lists one kind of record held in the files (clients or contracts). */
function fileStore<R>(
  files: Table<ClientFile, string>,
  read: (ids: readonly string[]) => Promise<(R | undefined)[]>,
  of: (file: ClientFile) => readonly R[],
  write: (puts: readonly R[], deletes: readonly string[]) => ClientFileChanges,
): RecordStore<R> {
  const all = async () => (await files.toArray()).flatMap(of);
  return {
    tables: [files],
    get: async (id) => (await read([id]))[0],
    bulkGet: read,
    put: (record) => writeClientFiles(files, write([record], [])),
    bulkPut: (records) => writeClientFiles(files, write(records, [])),
    delete: (id) => writeClientFiles(files, write([], [id])),
    bulkDelete: (ids) => writeClientFiles(files, write([], ids)),
    toArray: all,
    each: (visit) => files.each((file) => of(file).forEach(visit)),
    count: async () => (await all()).length,
  };
}

export function clientStore(files: Table<ClientFile, string>): RecordStore<Client> {
  return fileStore(
    files,
    (ids) => readClients(files, ids),
    (file) => (file.client ? [file.client] : []),
    (puts, deletes) => ({ clients: { puts, deletes } }),
  );
}

export function contractStore(files: Table<ClientFile, string>): ContractStore {
  return {
    ...fileStore(
      files,
      (ids) => readContracts(files, ids),
      (file) => file.contracts,
      (puts, deletes) => ({ contracts: { puts, deletes } }),
    ),
    ofClients: (clientIds) => contractsOfClients(files, clientIds),
  };
}

/**
 * What writing records needs of the database: the client files and each
 * entity's store (db.ts's ContratsDb, which builds its stores from this
 * module — named here so that this module does not import it back).
 */
export interface RecordsDb {
  readonly clientFiles: Table<ClientFile, string>;
  records<E extends EntityType>(entity: E): RecordStore<EntityRecords[E]>;
}

/** Records of one entity to put and ids to delete (records from elsewhere: pulled, or answered by the server). */
export interface RecordWrites {
  entity: EntityType;
  puts: readonly WireRecord[];
  deletes: readonly string[];
}

const FILE_ENTITIES: ReadonlySet<EntityType> = new Set(['clients', 'contracts']);

/** Whether the entity's records live in the client files. */
export const inClientFiles = (entity: EntityType): boolean => FILE_ENTITIES.has(entity);

/**
 * Issues the writes of several entities at once: clients and contracts
 * together, each client file read and written once (`filesStored: false` —
 * none can be stored yet — skips reading them), the other entities into
 * their tables. Runs inside the caller's read-write transaction.
 */
export function writeRecords(db: RecordsDb, writes: readonly RecordWrites[], { filesStored = true }: { filesStored?: boolean } = {}): Promise<unknown> {
  const files = writes.filter((w) => inClientFiles(w.entity));
  const fileChanges = Object.fromEntries(files.map((w) => [w.entity, { puts: w.puts, deletes: w.deletes }])) as ClientFileChanges;
  return Promise.all([
    files.length > 0 ? writeClientFiles(db.clientFiles, fileChanges, { stored: filesStored }) : undefined,
    ...writes
      .filter((w) => !inClientFiles(w.entity))
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
