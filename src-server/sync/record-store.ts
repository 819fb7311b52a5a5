import type { EntityType, VersionedRecord, WireRecord } from '../../src-core/sync';
import type { Queryable } from '../storage/db';
import { ADD_TO_BUCKET, recordDigestChange } from './record-digests';

/**
 * Every write transaction calls this first. It locks the change counter row
 * until commit, so writers run one at a time: change sequences are handed out
 * in commit order (a pull cursor never skips a late commit), mutation ids are
 * checked without races, and invoice numbers are allocated without gaps.
 */
export async function lockWrites(tx: Queryable): Promise<void> {
  await tx.query('select last_seq from change_counter where id = 1 for update');
}

export async function loadRecord(tx: Queryable, entity: EntityType, id: string): Promise<VersionedRecord | undefined> {
  const [row] = await tx.query<{ data: WireRecord; version: number; field_versions: Record<string, number>; deleted: boolean }>(
    'select data, version, field_versions, deleted from records where entity = $1 and id = $2',
    [entity, id],
  );
  return row && { data: row.data, version: row.version, fieldVersions: row.field_versions, deleted: row.deleted };
}

/** Who made a change, for the audit trail. */
export interface Actor {
  userId: string;
  deviceId?: string;
  mutationId?: string;
}

export type ChangeAction = 'upsert' | 'delete' | 'issue' | 'ingest' | 'platform';

/** How the audit names the person whose user id is the statement's parameter `param`: their display name, else their sign-in name. */
export const actorNameSql = (param: string) => `(select coalesce(display_name, name) from users where id = ${param})`;

/**
 * Stores the new state of a record under the next change sequence, records it
 * in the audit trail naming the person, and keeps the table's digests:
 * `previous` is the record as the caller loaded it in this transaction
 * (loadRecord, under lockWrites), whose version's part leaves its bucket.
 */
export async function storeChange(
  tx: Queryable,
  entity: EntityType,
  id: string,
  previous: VersionedRecord | undefined,
  next: VersionedRecord,
  audit: Actor & { action: ChangeAction; fields: string[] },
): Promise<void> {
  const [counter] = await tx.query<{ last_seq: number }>('update change_counter set last_seq = last_seq + 1 where id = 1 returning last_seq');
  if (!counter) throw new Error('change_counter row missing: migrations not applied');
  const [audited] = await tx.query<{ actor_name: string | null }>(
    `insert into audit_log (user_id, device_id, action, entity, record_id, mutation_id, fields, version, actor_name)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, ${actorNameSql('$1')}) returning actor_name`,
    [audit.userId, audit.deviceId ?? null, audit.action, entity, id, audit.mutationId ?? null, JSON.stringify(audit.fields), next.version],
  );
  const digest = recordDigestChange(id, previous, next);
  // One statement: the record, and its bucket's digest (a data-modifying CTE runs with the statement).
  await tx.query(
    `with digest as (
       insert into record_digests (entity, bucket, count, high, low) values ($1, $9, $10, $11, $12)
       ${ADD_TO_BUCKET}
     )
     insert into records (entity, id, data, version, field_versions, deleted, seq, changed_at, changed_by)
     values ($1, $2, $3::jsonb, $4, $5::jsonb, $6, $7, now(), $8)
     on conflict (entity, id) do update set data = excluded.data, version = excluded.version,
       field_versions = excluded.field_versions, deleted = excluded.deleted, seq = excluded.seq, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
    [entity, id, JSON.stringify(next.data), next.version, JSON.stringify(next.fieldVersions), next.deleted, counter.last_seq, audited?.actor_name ?? null, digest.bucket, digest.count, digest.high, digest.low],
  );
}
