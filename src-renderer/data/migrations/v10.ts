import type { Transaction } from 'dexie';
import type { Migration } from './types';

/**
 * Version 10 (issue 15, the overrun work list at 10,000 clients): the read
 * model keeps, per contract, the facts of its months over the limits (covering
 * tier, supplement, proposed switch) in its summary, and two small tables
 * let the overrun figures read them without the 10,000 summaries:
 * - `overrunFacts`: one row per contract with a month over its limits among
 *   its last measured ones, indexed by client (rewritten with its summary) and
 *   by those months (the contracts over in a month);
 * - `portfolioMeasured`: one row, each client's last measured month (what the
 *   overrun figures are about: the portfolio's latest);
 * - invoices gain a `[contractId+period]` index: which months of a contract
 *   are regularised is read from its invoices after the oldest of them.
 * The summaries stored before lack those facts. A migration never runs live
 * code (the released module would change with it): it empties the read model
 * and marks it pending, and the rebuild that runs when the data layer opens
 * (or a sync ends) computes it from the records.
 */
async function markSummariesPending(tx: Transaction): Promise<void> {
  await Promise.all([tx.table('portfolioChunks').clear(), tx.table('portfolioDelta').clear()]);
  // The key is SYNC_KEYS.summariesPending in syncState (v9), spelled out: a released migration does not follow a renamed constant.
  await tx.table('syncState').put({ key: 'summariesPending', value: true });
}

export const v10: Migration = {
  version: 10,
  stores: { overrunFacts: 'id, clientId, *months', portfolioMeasured: 'id', invoices: 'id, clientId, contractId, status, period, [contractId+period]' },
  upgrade: markSummariesPending,
};
