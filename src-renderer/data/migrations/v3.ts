import type { Transaction } from 'dexie';
import type { Client, Contract, UsageDocument } from '../../../src-core';
import { summarizeClients } from '../read-model/client-summary';
import type { Migration } from './types';

/**
 * Version 3: the portfolio read model, one summary row per client
 * (read-model/client-summary.ts), so that the clients list and the dashboard
 * open on 10,000 small rows instead of reading clients, contracts and 36
 * months of usage. Built here from the records already stored; from then on
 * every write keeps it. No index: screens read it whole.
 */
async function buildPortfolio(tx: Transaction): Promise<void> {
  const [clients, contracts, usage] = await Promise.all([
    tx.table<Client, string>('clients').toArray(),
    tx.table<Contract, string>('contracts').toArray(),
    tx.table<UsageDocument, string>('usage').toArray(),
  ]);
  await tx.table('portfolio').bulkPut(summarizeClients(clients, contracts, usage));
}

export const v3: Migration = {
  version: 3,
  stores: { portfolio: 'id' },
  upgrade: buildPortfolio,
};
