import type { Transaction } from 'dexie';
import type { Client, Contract } from '../../../src-core';
import type { Migration } from './types';

/**
 * Version 6: each client is stored with its contracts as one row
 * (`clientFiles`, data/client-rows.ts) instead of a row per client and a row
 * per contract: a new laptop's first sync writes half the rows before the
 * clients list can be used (ARCHITECTURE.md: IndexedDB's cost is per row).
 * The `contracts.clientId` index becomes the files' own key; a multi-entry
 * index of contract ids finds a contract's file.
 * Frozen (issue 19): the row's shape as it was at v6 is written here, not
 * built by the live client-rows module, whose shape may move on.
 */
interface FileRowV6 {
  id: string;
  client?: Client;
  contracts: Contract[];
  contractIds: string[];
}

/** A file per client id, holding the client and its contracts; a contract whose client is missing keeps a file of its own. */
async function moveIntoFiles(tx: Transaction): Promise<void> {
  const [clients, contracts] = await Promise.all([tx.table<Client, string>('clients').toArray(), tx.table<Contract, string>('contracts').toArray()]);
  const files = new Map<string, FileRowV6>(clients.map((client) => [client.id, { id: client.id, client, contracts: [], contractIds: [] }]));
  for (const contract of contracts) {
    const file = files.get(contract.clientId) ?? files.set(contract.clientId, { id: contract.clientId, contracts: [], contractIds: [] }).get(contract.clientId)!;
    file.contracts.push(contract);
    file.contractIds.push(contract.id);
  }
  await tx.table('clientFiles').bulkPut([...files.values()]);
}

export const v6: Migration = {
  version: 6,
  stores: { clientFiles: 'id, *contractIds', clients: null, contracts: null },
  upgrade: moveIntoFiles,
};
