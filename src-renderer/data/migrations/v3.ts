import type { Transaction } from 'dexie';
import type { Migration } from './types';

/**
 * Version 3: the portfolio read model, one summary row per client
 * (read-model/client-summary.ts), so that the clients list and the dashboard
 * open on 10,000 small rows instead of reading clients, contracts and 36
 * months of usage. From then on every write keeps it. No index: screens read
 * it whole.
 * Frozen (issue 19): the upgrade only marks the summaries pending — the
 * settings row an interrupted first sync leaves — and the rebuild that runs
 * after opening (`openDataLayer`) computes them with the code of the day. A
 * migration never imports live code: it would change what an old version
 * does, and tie the schema to the read model's modules.
 */
async function markSummariesPending(tx: Transaction): Promise<void> {
  await tx.table('settings').put({ key: 'sync.summariesPending', value: true });
}

export const v3: Migration = {
  version: 3,
  stores: { portfolio: 'id' },
  upgrade: markSummariesPending,
};
