import type { Transaction } from 'dexie';
import type { Migration } from './types';

/**
 * Version 5: fewer rows, fewer indexes, for a new laptop's first sync
 * (ARCHITECTURE.md: IndexedDB's cost is per row and per index).
 * - The portfolio read model moves from one row per client (`portfolio`,
 *   v3–v4) to a fixed number of documents holding many summaries each
 *   (`portfolioChunks`), plus small rows for the summaries changed since
 *   (`portfolioDelta`) — read-model/portfolio-chunks.ts. The `legalName`
 *   index of v4 goes with it: reading the whole model is now one read of a
 *   few dozen documents. Frozen (issue 19): the upgrade marks the summaries
 *   pending, and the rebuild that runs after opening writes the documents.
 * - `clients.siren` and `contracts.status` lose their indexes: no query uses
 *   the first, and the second's one user (price-change letters) filters the
 *   contracts it reads anyway.
 */
async function markSummariesPending(tx: Transaction): Promise<void> {
  await tx.table('settings').put({ key: 'sync.summariesPending', value: true });
}

export const v5: Migration = {
  version: 5,
  stores: { portfolio: null, portfolioChunks: 'id', portfolioDelta: 'id', clients: 'id', contracts: 'id, clientId' },
  upgrade: markSummariesPending,
};
