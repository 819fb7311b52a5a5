import type { Transaction } from 'dexie';
import type { Migration } from './types';

/**
 * Version 12 (issue 20, a reconciliation that does not re-read everything):
 * `digests`, one row per synced entity holding, per bucket of record ids, the
 * count of its records and the sums of the hashes of their `id:version`
 * (src-core/sync/digest.ts), kept by the write gateway with every record
 * write. The hash is live code (src-core): a frozen migration does not
 * compute it, it marks the digests pending and `openDataLayer` computes them
 * once from the records. (v11 belongs to another change: Dexie accepts the gap.)
 */
async function markDigestsPending(tx: Transaction): Promise<void> {
  // SYNC_KEYS.digestsPending in syncState (v9), spelled out: a released migration does not follow a renamed constant.
  await tx.table('syncState').put({ key: 'digestsPending', value: true });
}

export const v12: Migration = {
  version: 12,
  stores: { digests: 'entity' },
  upgrade: markDigestsPending,
};
