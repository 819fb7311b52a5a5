import { ENTITY_TYPES, type EntityType } from '../../src-core';
import type { DataLayer } from '../data';
import { SYNC_KEYS, localDigests, writeSyncValue, type ReconcileReport, type TableComparison } from '../data/sync-state';
import type { ApiClient } from './api-client';

/**
 * Compares, table by table, the count and hash of (id, version) on the laptop
 * and on the server. The report is stored and shown as is: a divergence is
 * reported, never repaired silently.
 */
export async function reconcileCheck({ db }: DataLayer, api: ApiClient, now: () => string): Promise<ReconcileReport> {
  // The server's digest and the laptop's are computed at the same time: they wait on different machines.
  const [server, local] = await Promise.all([api.reconcile(), localDigests(db)]);
  const tables = Object.fromEntries(
    ENTITY_TYPES.map((entity): [EntityType, TableComparison] => {
      const remote = server.tables[entity] ?? { count: 0, hash: '0'.repeat(16) };
      return [entity, { local: local[entity], server: remote, same: local[entity].count === remote.count && local[entity].hash === remote.hash }];
    }),
  ) as Record<EntityType, TableComparison>;
  const report: ReconcileReport = { at: now(), same: Object.values(tables).every((t) => t.same), tables };
  await writeSyncValue(db, SYNC_KEYS.reconcile, report);
  return report;
}
