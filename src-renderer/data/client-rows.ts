import type { Table } from 'dexie';
import type { Client, Contract } from '../../src-core';
import { primaryKeysOfAny } from './index-lookup';

/**
 * A client and its contracts, stored as ONE IndexedDB row (migration v6).
 * IndexedDB's cost is per row (ARCHITECTURE.md): a first sync writing 10,000
 * clients and their contracts writes 10,000 rows instead of 21,000, and what
 * a client page reads together is stored together. Clients and contracts stay
 * two synced entities, each with its own id and version (record-store.ts).
 */
export interface ClientRow {
  /** The client's id. */
  id: string;
  /** Absent while only contracts of the client are stored: a pull can bring a contract before its client. */
  client?: Client;
  contracts: Contract[];
  /** The contracts' ids, indexed (multi-entry): finds a contract's row. */
  contractIds: string[];
}

/** Puts and deletes of clients and contracts, written together (writeClientRows). */
export interface ClientRowChanges {
  clients?: { puts?: readonly Client[]; deletes?: readonly string[] };
  contracts?: { puts?: readonly Contract[]; deletes?: readonly string[] };
}

type RowsTable = Table<ClientRow, string>;

export function rowOf(id: string, client: Client | undefined, contracts: readonly Contract[]): ClientRow {
  return { id, ...(client ? { client } : {}), contracts: [...contracts], contractIds: contracts.map((c) => c.id) };
}

/** Builds the rows of whole lists of clients and contracts (a load into empty tables, a migration). */
export function rowsOf(clients: readonly Client[], contracts: readonly Contract[]): ClientRow[] {
  const byClient = new Map<string, { client?: Client; contracts: Contract[] }>();
  const entry = (id: string) => byClient.get(id) ?? byClient.set(id, { contracts: [] }).get(id)!;
  for (const client of clients) entry(client.id).client = client;
  for (const contract of contracts) entry(contract.clientId).contracts.push(contract);
  return [...byClient].map(([id, f]) => rowOf(id, f.client, f.contracts));
}

export async function readClients(rows: RowsTable, ids: readonly string[]): Promise<(Client | undefined)[]> {
  return (await rows.bulkGet([...ids])).map((f) => f?.client);
}

/** The rows holding any of these contracts, each once (a Dexie promise throughout: the caller's transaction stays active). */
function rowsHolding(rows: RowsTable, contractIds: readonly string[]): Promise<ClientRow[]> {
  return primaryKeysOfAny(rows, 'contractIds', contractIds)
    .then((keys) => rows.bulkGet([...new Set(keys)]))
    .then((found) => found.filter((row): row is ClientRow => row !== undefined));
}

export async function readContracts(rows: RowsTable, ids: readonly string[]): Promise<(Contract | undefined)[]> {
  if (ids.length === 0) return [];
  const byId = new Map<string, Contract>();
  for (const row of await rowsHolding(rows, ids)) for (const c of row.contracts) byId.set(c.id, c);
  return ids.map((id) => byId.get(id));
}

export async function contractsOfClients(rows: RowsTable, clientIds: readonly string[]): Promise<Contract[]> {
  return (await rows.bulkGet([...clientIds])).flatMap((f) => f?.contracts ?? []);
}

/**
 * Applies puts and deletes of clients and contracts, each row read once and
 * written once. `stored: false` says no row of these records can exist yet
 * (a first sync into empty tables): nothing is read. A contract that changed
 * client leaves its old row. A row left with no client and no contract is
 * deleted. Runs inside the caller's read-write transaction over `rows`, or in
 * its own.
 */
export async function writeClientRows(rows: RowsTable, changes: ClientRowChanges, { stored = true }: { stored?: boolean } = {}): Promise<void> {
  const clientPuts = changes.clients?.puts ?? [];
  const clientDeletes = changes.clients?.deletes ?? [];
  const contractPuts = changes.contracts?.puts ?? [];
  const contractDeletes = changes.contracts?.deletes ?? [];
  const working = new Map<string, { client?: Client; contracts: Map<string, Contract> }>();
  /** The row holding each contract of `working`. */
  const holder = new Map<string, string>();
  const open = (row: ClientRow | { id: string }) => {
    if (!working.has(row.id)) {
      const f = row as Partial<ClientRow>;
      working.set(row.id, { ...(f.client ? { client: f.client } : {}), contracts: new Map((f.contracts ?? []).map((c) => [c.id, c])) });
      for (const c of f.contracts ?? []) holder.set(c.id, row.id);
    }
    return working.get(row.id)!;
  };
  const rowIds = [...new Set([...clientPuts.map((c) => c.id), ...clientDeletes, ...contractPuts.map((c) => c.clientId)])];
  if (stored) {
    const contractIds = [...contractPuts.map((c) => c.id), ...contractDeletes];
    const [holding, named] = await Promise.all([rowsHolding(rows, contractIds), rows.bulkGet(rowIds)]);
    for (const row of [...holding, ...named]) if (row) open(row);
  }
  const withoutContract = (id: string) => {
    const rowId = holder.get(id);
    if (rowId !== undefined) working.get(rowId)!.contracts.delete(id);
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
  const puts: ClientRow[] = [];
  const deletes: string[] = [];
  for (const [id, row] of working) {
    if (row.client || row.contracts.size > 0) puts.push(rowOf(id, row.client, [...row.contracts.values()]));
    else deletes.push(id);
  }
  await Promise.all([rows.bulkPut(puts), deletes.length > 0 ? rows.bulkDelete(deletes) : undefined]);
}
