import { ENTITY_TYPES, recordDifferences, tableDigestOf, wireBuckets, type EntityType, type TableDigest } from '../../src-core';
import type { DataLayer } from '../data';
import { SYNC_KEYS, readDigests, recountDigests, writeSyncValue, type ReconcileReport, type TableComparison } from '../data/sync-state';
import type { ApiClient } from './api-client';

const EMPTY_TABLE: TableDigest = { count: 0, hash: '0'.repeat(16) };
const sameDigest = (a: TableDigest, b: TableDigest) => a.count === b.count && a.hash === b.hash;

/**
 * Compares, table by table, the count and hash of (id, version) on the laptop
 * and on the server — both read from the digests their writes keep, so an
 * agreeing check reads no record. A table that differs is drilled into: its
 * records are counted again on the laptop (the truth, should its digests have
 * drifted), then the server names the buckets that differ and lists its
 * records in them, and the report names the records that differ. The report
 * is stored and shown as is: a divergence is reported, never repaired silently.
 */
export async function reconcileCheck({ db }: DataLayer, api: ApiClient, now: () => string): Promise<ReconcileReport> {
  // The server's digests and the laptop's are read at the same time: they wait on different machines.
  const [server, local] = await Promise.all([api.reconcile(), readDigests(db)]);
  const tables = {} as Record<EntityType, TableComparison>;
  for (const entity of ENTITY_TYPES) {
    const remote = server.tables[entity] ?? EMPTY_TABLE;
    const stored = tableDigestOf(local.get(entity)!);
    tables[entity] = sameDigest(stored, remote) ? { local: stored, server: remote, same: true } : await drillDown(db, api, entity, remote);
  }
  const report: ReconcileReport = { at: now(), same: Object.values(tables).every((t) => t.same), tables };
  await writeSyncValue(db, SYNC_KEYS.reconcile, report);
  return report;
}

async function drillDown(db: DataLayer['db'], api: ApiClient, entity: EntityType, remote: TableDigest): Promise<TableComparison> {
  const { pairs, digests } = await recountDigests(db, entity);
  const local = tableDigestOf(digests);
  if (sameDigest(local, remote)) return { local, server: remote, same: true };
  const answer = await api.reconcileBuckets({ entity, buckets: wireBuckets(digests) });
  const records = recordDifferences(pairs, answer.records, answer.listed);
  return { local, server: remote, same: false, records, complete: answer.listed.length === answer.differing.length };
}
