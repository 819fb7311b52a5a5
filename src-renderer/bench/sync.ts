import Dexie from 'dexie';
import { ENTITY_TYPES } from '../../src-core';
import { openDataLayer, type DataLayer } from '../data/open';
import { readPortfolio } from '../data/read-model';
import { createSyncEngine, type SyncPhase, type SyncRunResult } from '../sync/engine';

/** Milestones of one sync cycle, in ms from its start (taken in the page with performance.now()). */
export interface SyncTiming {
  totalMs: number;
  /** Push of the outbox done (pull starts). */
  pushedMs: number;
  /** Last page of the core stream (clients, contracts, price lists) committed: the clients list can show rows. */
  coreMs: number | null;
  /** First rows of the core stream committed (before them, its pages are fetched and held: the fetch before any write). */
  coreFirstCommitMs: number | null;
  /** Both streams pulled and committed (the reconciliation check starts). */
  pulledMs: number;
  pulled: number;
  pushedApplied: number;
  /** Reconciliation check after the sync: laptop and server hold the same records. */
  same: boolean | null;
  /** Records in the laptop's tables after the sync. */
  counts: Record<string, number>;
  /** Summaries in the clients list's read model. */
  listRows: number;
}

export interface SyncTarget {
  baseUrl: string;
  token: string;
  /** IndexedDB name of the laptop. */
  databaseName: string;
  pageSize?: number;
}

async function timedCycle(layer: DataLayer, target: SyncTarget): Promise<SyncTiming> {
  const marks: Partial<Record<SyncPhase | 'core' | 'coreFirstCommit', number>> = {};
  let start = 0;
  const engine = createSyncEngine({
    dataLayer: layer,
    baseUrl: target.baseUrl,
    token: target.token,
    ...(target.pageSize ? { pageSize: target.pageSize } : {}),
    timeoutMs: 120_000,
    onStatus: (status) => {
      const at = performance.now() - start;
      marks[status.phase] ??= at;
      if (status.progress?.stream === 'core') marks.core = at;
      if (status.progress?.stream === 'core' && status.progress.committed > 0) marks.coreFirstCommit ??= at;
    },
  });
  start = performance.now();
  const result: SyncRunResult = await engine.syncNow();
  const totalMs = performance.now() - start;
  const counts: Record<string, number> = {};
  for (const entity of ENTITY_TYPES) counts[entity] = await layer.db.records(entity).count();
  return {
    totalMs,
    pushedMs: marks.pulling ?? totalMs,
    coreMs: marks.core ?? null,
    coreFirstCommitMs: marks.coreFirstCommit ?? null,
    pulledMs: marks.reconciling ?? totalMs,
    pulled: result.pulled,
    pushedApplied: result.pushed.applied,
    same: result.reconcile?.same ?? null,
    counts,
    listRows: (await readPortfolio(layer.db)).length,
  };
}

/** First sync of an empty laptop (a new IndexedDB) from the server: the real engine, pull streams and data layer. */
export async function syncInitial(target: SyncTarget): Promise<SyncTiming> {
  await Dexie.delete(target.databaseName);
  const layer = await openDataLayer({ name: target.databaseName });
  try {
    return await timedCycle(layer, target);
  } finally {
    layer.db.close();
  }
}

/**
 * An incremental sync of an already synced laptop. With `localEdits`, the
 * account manager first edits that many clients (one repository call each,
 * outside the timing): the cycle pushes them and pulls them back. Without,
 * it pulls what changed on the server since the last sync.
 */
export async function syncIncremental(target: SyncTarget, localEdits: number): Promise<SyncTiming> {
  const layer = await openDataLayer({ name: target.databaseName });
  try {
    const clients = (await layer.db.clients.toArray()).slice(0, localEdits);
    for (const [i, client] of clients.entries()) {
      await layer.commands.clients.update(client.id, { legalName: `${client.legalName.replace(/ \(banc \d+\)$/, '')} (banc ${i})` }, 'banc');
    }
    return await timedCycle(layer, target);
  } finally {
    layer.db.close();
  }
}
