import type { Transaction } from 'dexie';
import type { Migration } from './types';

/**
 * Version 7 (issue 15): the portfolio read model keeps each contract's terms
 * (end date and cause, tier changes, price versions) instead of a stored
 * status, so the screens read the contract's state at today's date, and the
 * clients list finds a client by its contracts' references. No table changes:
 * references stay what they were. Frozen (issue 19): the upgrade marks the
 * summaries pending, and the rebuild that runs after opening recomputes them
 * all (search keys included) from the client files and usage, those waiting
 * in `portfolioDelta` folded in.
 */
async function markSummariesPending(tx: Transaction): Promise<void> {
  await tx.table('settings').put({ key: 'sync.summariesPending', value: true });
}

export const v7: Migration = { version: 7, stores: {}, upgrade: markSummariesPending };
