import type { EntityType, PullResponse, RecordChange, WireRecord } from '../../src-core/sync';
import type { Queryable } from '../storage/db';

interface PullQuery {
  cursor: string;
  limit: number;
  entities?: EntityType[] | undefined;
}

/**
 * Records changed after the cursor, in change-sequence order. One row more
 * than asked tells whether another page follows. Sequences are committed in
 * order (record-store lockWrites), so paging never misses a change.
 */
export async function pullChanges(db: Queryable, { cursor, limit, entities }: PullQuery): Promise<PullResponse> {
  const rows = await db.query<{ entity: EntityType; id: string; version: number; deleted: boolean; data: WireRecord; seq: number; changed_at: Date }>(
    `select entity, id, version, deleted, data, seq, changed_at from records
     where seq > $1 and ($2::text[] is null or entity = any($2::text[]))
     order by seq limit $3`,
    [Number(cursor), entities ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  const changes: RecordChange[] = page.map((row) => ({
    entity: row.entity,
    recordId: row.id,
    version: row.version,
    deleted: row.deleted,
    record: row.deleted ? null : row.data,
    changedAt: row.changed_at.toISOString(),
  }));
  const last = page.at(-1);
  return { changes, nextCursor: last ? String(last.seq) : cursor, hasMore: rows.length > limit };
}
