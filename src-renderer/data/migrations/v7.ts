import type { Transaction } from 'dexie';
import type { Client, Contract, UsageDocument } from '../../../src-core';
import { summarizeClients } from '../read-model/client-summary';
import { toChunks } from '../read-model/portfolio-chunks';
import type { Migration } from './types';

/**
 * Version 7 (issue 15): the portfolio read model keeps each contract's terms
 * (end date and cause, tier changes, price versions) instead of a stored
 * status, so the screens read the contract's state at today's date, and the
 * clients list finds a client by its contracts' references. No table changes:
 * references stay what they were; the summaries (search keys included) are
 * rebuilt from the client files and usage, those waiting in `portfolioDelta`
 * folded in.
 */
async function rebuildSummaries(tx: Transaction): Promise<void> {
  const [files, usage] = await Promise.all([
    tx.table<{ client?: Client; contracts: Contract[] }, string>('clientFiles').toArray(),
    tx.table<UsageDocument, string>('usage').toArray(),
  ]);
  const present = files.filter((f) => f.client !== undefined);
  await Promise.all([tx.table('portfolioChunks').clear(), tx.table('portfolioDelta').clear()]);
  await tx.table('portfolioChunks').bulkPut(toChunks(summarizeClients(present.map((f) => f.client!), present.flatMap((f) => f.contracts), usage)));
}

export const v7: Migration = { version: 7, stores: {}, upgrade: rebuildSummaries };
