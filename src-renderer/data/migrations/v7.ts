import type { Transaction } from 'dexie';
import type { Client, Contract, UsageDocument } from '../../../src-core';
import { summarizeClients } from '../read-model/client-summary';
import { toChunks } from '../read-model/portfolio-chunks';
import type { Migration } from './types';

/**
 * Version 7: the clients list finds a client by its contracts' references
 * (issue 15), so every stored summary's search key is recomputed from the
 * records; the summaries waiting in `portfolioDelta` are folded in. No table
 * or index changes: references stay what they were, readable and valid.
 */
async function rebuildSearchKeys(tx: Transaction): Promise<void> {
  const [files, usage] = await Promise.all([
    tx.table<{ client?: Client; contracts: Contract[] }, string>('clientFiles').toArray(),
    tx.table<UsageDocument, string>('usage').toArray(),
  ]);
  const clients = files.flatMap((f) => (f.client ? [f.client] : []));
  await tx.table('portfolioDelta').clear();
  await tx.table('portfolioChunks').clear();
  await tx.table('portfolioChunks').bulkPut(toChunks(summarizeClients(clients, files.flatMap((f) => f.contracts), usage)));
}

export const v7: Migration = {
  version: 7,
  stores: {},
  upgrade: rebuildSearchKeys,
};
