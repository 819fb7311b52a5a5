import {
  bucketOf,
  differingBuckets,
  digestsOf,
  ENTITY_TYPES,
  MAX_DRILL_RECORDS,
  tableDigestOf,
  type EntityType,
  type ReconcileBucketsRequest,
  type ReconcileBucketsResponse,
  type ReconcileResponse,
} from '../../src-core/sync';
import type { Db, Queryable } from '../storage/db';
import { applyDigestChange, readDigests } from './record-digests';
import { lockWrites } from './record-store';

/** Count and hash of the live records of every table, from the digests kept by every write (the sum of each table's buckets). */
export async function reconcile(db: Queryable): Promise<ReconcileResponse> {
  const digests = await readDigests(db);
  return { tables: Object.fromEntries([...digests].map(([entity, buckets]) => [entity, tableDigestOf(buckets)])) as ReconcileResponse['tables'] };
}

/**
 * A laptop's buckets of one table against the server's: which differ, and
 * the server's live records (id, version) in the first of them — whole
 * buckets, up to MAX_DRILL_RECORDS records, at least one bucket — so that the
 * laptop names the records that differ. The table's records are read, but
 * only when the table differs.
 */
export async function reconcileBuckets(db: Db, { entity, buckets }: ReconcileBucketsRequest): Promise<ReconcileBucketsResponse> {
  // One snapshot: the records listed are those the digests were read from.
  return db.transaction(async (tx) => {
    const ours = (await readDigests(tx, entity)).get(entity)!;
    const differing = differingBuckets(ours, buckets);
    const listed: number[] = [];
    let size = 0;
    for (const bucket of differing) {
      if (listed.length > 0 && size + ours.count[bucket]! > MAX_DRILL_RECORDS) break;
      listed.push(bucket);
      size += ours.count[bucket]!;
    }
    if (listed.length === 0) return { entity, differing, listed, records: [] };
    const wanted = new Set(listed);
    const rows = await tx.query<{ id: string; version: number }>('select id, version from records where entity = $1 and not deleted', [entity]);
    return { entity, differing, listed, records: rows.filter((row) => wanted.has(bucketOf(row.id))).map((row) => ({ id: row.id, version: row.version })) };
  });
}

/**
 * Computes the digests from the records when the migration that created
 * them (or a crash of this rebuild) left them pending: once, after the
 * storage opens, in one transaction with the writers held back.
 */
export async function rebuildPendingDigests(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    const [pending] = await tx.query('select id from record_digests_pending');
    if (!pending) return false;
    const rows = await tx.query<{ entity: EntityType; id: string; version: number }>('select entity, id, version from records where not deleted');
    await tx.query('delete from record_digests');
    for (const entity of ENTITY_TYPES) await applyDigestChange(tx, entity, digestsOf(rows.filter((row) => row.entity === entity)));
    await tx.query('delete from record_digests_pending');
    return true;
  });
}
