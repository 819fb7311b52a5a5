import type { Transaction } from 'dexie';
import type { Client, Contract } from '../../../src-core';
import { rowsOf } from '../client-rows';
import type { Migration } from './types';

/**
 * Version 6: each client is stored with its contracts as one row
 * (`clientFiles`, data/client-rows.ts) instead of a row per client and a row
 * per contract: a new laptop's first sync writes half the rows before the
 * clients list can be used (ARCHITECTURE.md: IndexedDB's cost is per row).
 * The `contracts.clientId` index becomes the files' own key; a multi-entry
 * index of contract ids finds a contract's file.
 */
async function moveIntoFiles(tx: Transaction): Promise<void> {
  const [clients, contracts] = await Promise.all([tx.table<Client, string>('clients').toArray(), tx.table<Contract, string>('contracts').toArray()]);
  await tx.table('clientFiles').bulkPut(rowsOf(clients, contracts));
}

export const v6: Migration = {
  version: 6,
  stores: { clientFiles: 'id, *contractIds', clients: null, contracts: null },
  upgrade: moveIntoFiles,
};
