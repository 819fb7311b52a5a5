import type { EntityType, PullResponse, RecordChange, WireRecord } from '../../src-core/sync';
import type { Queryable } from '../storage/db';

interface PullQuery {
  cursor: string;
  limit: number;
  entities?: EntityType[] | undefined;
}

type PulledRow = { entity: EntityType; id: string; version: number; deleted: boolean; data: WireRecord; seq: number; changed_at: Date; changed_by: string | null };

const COLUMNS = 'entity, id, version, deleted, data, seq, changed_at, changed_by';

/** Default cap of a page's records in bytes of JSON: a page of large records stops early (one 127 MB page otherwise). */
export const DEFAULT_PULL_PAGE_BYTES = 4 * 1024 * 1024;

/**
 * Records changed after the cursor, in change-sequence order. One row more
 * than asked tells whether another page follows. Sequences are committed in
 * order (record-store lockWrites), so paging never misses a change.
 * With an entity filter, one ordered scan of (entity, seq) per entity, each
 * stopping after limit + 1 rows, then merged: asked for "entity = any(…)
 * order by seq", the planner gathers every remaining row of those entities
 * and sorts them, for every page (measured on a 10,000-client portfolio: a
 * sixth of the server's time for a first sync's core stream).
 */
export async function pullChanges(db: Queryable, { cursor, limit, entities }: PullQuery, maxBytes = DEFAULT_PULL_PAGE_BYTES): Promise<PullResponse> {
  const rows = entities
    ? await db.query<PulledRow>(
        `select r.* from unnest($2::text[]) as wanted(entity)
         cross join lateral (select ${COLUMNS} from records where records.entity = wanted.entity and seq > $1 order by seq limit $3) r
         order by r.seq limit $3`,
        // Each entity once: a repeated one would repeat its rows.
        [Number(cursor), [...new Set(entities)], limit + 1],
      )
    : await db.query<PulledRow>(`select ${COLUMNS} from records where seq > $1 order by seq limit $2`, [Number(cursor), limit + 1]);
  const page = withinBytes(rows.slice(0, limit), maxBytes);
  const changes: RecordChange[] = page.map((row) => ({
    entity: row.entity,
    recordId: row.id,
    version: row.version,
    deleted: row.deleted,
    record: row.deleted ? null : row.data,
    changedAt: row.changed_at.toISOString(),
    ...(row.changed_by === null ? {} : { changedBy: row.changed_by }),
  }));
  const last = page.at(-1);
  return { changes, nextCursor: last ? String(last.seq) : cursor, hasMore: rows.length > page.length };
}

/** The first rows up to the one that reaches `maxBytes` of JSON (at least one: a page always advances the cursor). */
function withinBytes(rows: PulledRow[], maxBytes: number): PulledRow[] {
  let bytes = 0;
  for (const [index, row] of rows.entries()) {
    bytes += row.deleted ? 0 : Buffer.byteLength(JSON.stringify(row.data));
    if (bytes >= maxBytes) return rows.slice(0, index + 1);
  }
  return rows;
}
