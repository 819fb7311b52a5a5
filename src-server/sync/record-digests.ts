import { addRecord, bucketOf, DIGEST_BUCKETS, emptyDigests, ENTITY_TYPES, isNoChange, type BucketDigests, type EntityType } from '../../src-core/sync';
import type { Queryable } from '../storage/db';

/**
 * The server's side of the reconciliation digests (src-core/sync/digest.ts):
 * the `record_digests` table, one row per entity and bucket, changed in the
 * transaction of every record write (storeChange, the bulk seed) by the
 * difference the write makes — the old version's part removed, the new one's
 * added — so that no record is read again to answer /sync/reconcile.
 */

/** What a record was or becomes, as the digests see it: its version while live; absent or deleted, nothing. */
export type DigestState = { version: number; deleted: boolean } | undefined;

/** The change one record write makes to its entity's digests: in the bucket of its id, the count and lanes to add (lanes unsigned). */
export function recordDigestChange(id: string, before: DigestState, after: DigestState): { bucket: number; count: number; high: number; low: number } {
  const change = emptyDigests();
  if (before && !before.deleted) addRecord(change, id, before.version, -1);
  if (after && !after.deleted) addRecord(change, id, after.version);
  const bucket = bucketOf(id);
  return { bucket, count: change.count[bucket]!, high: change.high[bucket]!, low: change.low[bucket]! };
}

/** How a statement adds a change to a stored bucket (the lanes are sums modulo 2^32: a change's lanes are unsigned, so the sum stays in [0, 2^32)). */
export const ADD_TO_BUCKET = `on conflict (entity, bucket) do update set count = record_digests.count + excluded.count,
       high = (record_digests.high + excluded.high) % 4294967296, low = (record_digests.low + excluded.low) % 4294967296`;

/** Adds `change` to the stored digests of `entity` (its non-empty buckets, one statement), inside the caller's write transaction: a batch of records (the seed, a rebuild). */
export async function applyDigestChange(tx: Queryable, entity: EntityType, change: BucketDigests): Promise<void> {
  if (isNoChange(change)) return;
  const rows = [];
  for (let bucket = 0; bucket < DIGEST_BUCKETS; bucket++) {
    if (change.count[bucket] !== 0 || change.high[bucket] !== 0 || change.low[bucket] !== 0) rows.push({ bucket, count: change.count[bucket], high: change.high[bucket], low: change.low[bucket] });
  }
  await tx.query(
    `insert into record_digests (entity, bucket, count, high, low)
     select $1, d.bucket, d.count, d.high, d.low from jsonb_to_recordset($2::jsonb) as d(bucket integer, count integer, high bigint, low bigint)
     ${ADD_TO_BUCKET}`,
    [entity, JSON.stringify(rows)],
  );
}

/** The stored digests of every entity (or one), all buckets (empty ones at zero). */
export async function readDigests(db: Queryable, entity?: EntityType): Promise<Map<EntityType, BucketDigests>> {
  const rows = await db.query<{ entity: EntityType; bucket: number; count: number; high: number; low: number }>(
    `select entity, bucket, count, high, low from record_digests${entity ? ' where entity = $1' : ''}`,
    entity ? [entity] : [],
  );
  const digests = new Map<EntityType, BucketDigests>((entity ? [entity] : ENTITY_TYPES).map((e) => [e, emptyDigests()]));
  for (const row of rows) {
    const table = digests.get(row.entity);
    if (!table) continue;
    table.count[row.bucket] = Number(row.count);
    table.high[row.bucket] = Number(row.high);
    table.low[row.bucket] = Number(row.low);
  }
  return digests;
}
