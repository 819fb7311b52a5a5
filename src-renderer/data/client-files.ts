import type { Table } from 'dexie';
import type { Client, Contract } from '../../src-core';

/**
 * A client and its contracts, stored as ONE IndexedDB row (migration v6).
 * IndexedDB's cost is per row (ARCHITECTURE.md): a first sync writing 10,000
 * clients and their contracts writes 10,000 rows instead of 21,000, and what
 * a client page reads together is stored together. Clients and contracts stay
 * two synced entities, each with its own id and version (record-store.ts).
 */
export interface ClientFile {
  /** The client's id. */
  id: string;
  /** Absent while only contracts of the client are stored: a pull can bring a contract before its client. */
  client?: Client;
  contracts: Contract[];
  /** The contracts' ids, indexed (multi-entry): finds a contract's file. */
  contractIds: string[];
}

/** Puts and deletes of clients and contracts, written together (writeClientFiles). */
export interface ClientFileChanges {
  clients?: { puts?: readonly Client[]; deletes?: readonly string[] };
  contracts?: { puts?: readonly Contract[]; deletes?: readonly string[] };
}

type FilesTable = Table<ClientFile, string>;

export function fileOf(id: string, client: Client | undefined, contracts: readonly Contract[]): ClientFile {
  return { id, ...(client ? { client } : {}), contracts: [...contracts], contractIds: contracts.map((c) => c.id) };
}

/** Builds the files of whole lists of clients and contracts (a load into empty tables, a migration). */
export function filesOf(clients: readonly Client[], contracts: readonly Contract[]): ClientFile[] {
  const byClient = new Map<string, { client?: Client; contracts: Contract[] }>();
  const entry = (id: string) => byClient.get(id) ?? byClient.set(id, { contracts: [] }).get(id)!;
  for (const client of clients) entry(client.id).client = client;
  for (const contract of contracts) entry(contract.clientId).contracts.push(contract);
  return [...byClient].map(([id, f]) => fileOf(id, f.client, f.contracts));
}

export async function readClients(files: FilesTable, ids: readonly string[]): Promise<(Client | undefined)[]> {
  return (await files.bulkGet([...ids])).map((f) => f?.client);
}

export async function readContracts(files: FilesTable, ids: readonly string[]): Promise<(Contract | undefined)[]> {
  if (ids.length === 0) return [];
  const byId = new Map<string, Contract>();
  for (const file of await files.where('contractIds').anyOf([...ids]).toArray()) for (const c of file.contracts) byId.set(c.id, c);
  return ids.map((id) => byId.get(id));
}

export async function contractsOfClients(files: FilesTable, clientIds: readonly string[]): Promise<Contract[]> {
  return (await files.bulkGet([...clientIds])).flatMap((f) => f?.contracts ?? []);
}

/**
 * Applies puts and deletes of clients and contracts, each file read once and
 * written once. `stored: false` says no file of these records can exist yet
 * (a first sync into empty tables): nothing is read. A contract that changed
 * client leaves its old file. A file left with no client and no contract is
 * deleted. Runs inside the caller's read-write transaction over `files`, or in
 * its own.
 */
export async function writeClientFiles(files: FilesTable, changes: ClientFileChanges, { stored = true }: { stored?: boolean } = {}): Promise<void> {
  const clientPuts = changes.clients?.puts ?? [];
  const clientDeletes = changes.clients?.deletes ?? [];
  const contractPuts = changes.contracts?.puts ?? [];
  const contractDeletes = changes.contracts?.deletes ?? [];
  const working = new Map<string, { client?: Client; contracts: Map<string, Contract> }>();
  /** The file holding each contract of `working`. */
  const holder = new Map<string, string>();
  const open = (file: ClientFile | { id: string }) => {
    if (!working.has(file.id)) {
      const f = file as Partial<ClientFile>;
      working.set(file.id, { ...(f.client ? { client: f.client } : {}), contracts: new Map((f.contracts ?? []).map((c) => [c.id, c])) });
      for (const c of f.contracts ?? []) holder.set(c.id, file.id);
    }
    return working.get(file.id)!;
  };
  const fileIds = [...new Set([...clientPuts.map((c) => c.id), ...clientDeletes, ...contractPuts.map((c) => c.clientId)])];
  if (stored) {
    const contractIds = [...contractPuts.map((c) => c.id), ...contractDeletes];
    const [holding, named] = await Promise.all([contractIds.length > 0 ? files.where('contractIds').anyOf(contractIds).toArray() : [], files.bulkGet(fileIds)]);
    for (const file of [...holding, ...named]) if (file) open(file);
  }
  const withoutContract = (id: string) => {
    const fileId = holder.get(id);
    if (fileId !== undefined) working.get(fileId)!.contracts.delete(id);
    holder.delete(id);
  };
  for (const id of clientDeletes) delete open({ id }).client;
  for (const client of clientPuts) open({ id: client.id }).client = client;
  for (const id of contractDeletes) withoutContract(id);
  for (const contract of contractPuts) {
    withoutContract(contract.id);
    open({ id: contract.clientId }).contracts.set(contract.id, contract);
    holder.set(contract.id, contract.clientId);
  }
  const puts: ClientFile[] = [];
  const deletes: string[] = [];
  for (const [id, file] of working) {
    if (file.client || file.contracts.size > 0) puts.push(fileOf(id, file.client, [...file.contracts.values()]));
    else deletes.push(id);
  }
  await Promise.all([files.bulkPut(puts), deletes.length > 0 ? files.bulkDelete(deletes) : undefined]);
}
