import type { EntityType, PullOrder, PullResponse, RecordChange, WireRecord } from '../../src-core/sync';
import { message } from '../../src-core/messages';
import { HttpError, invalidRequest } from '../http/errors';
import type { Db, Queryable } from '../storage/db';

interface PullQuery {
  cursor: string;
  limit: number;
  entities?: EntityType[] | undefined;
  order?: PullOrder | undefined;
}

/** A pulled row with its record as the database prints it: JSON text, parsed only where an object is wanted (pullChanges). */
type PulledRow = { entity: EntityType; id: string; version: number; deleted: boolean; data: string | null; seq: number; changed_at: Date; changed_by: string | null };

const COLUMNS = 'entity, id, version, deleted, data::text as data, seq, changed_at, changed_by';

/** Default cap of a page's records in bytes of JSON: a page of large records stops early (one 127 MB page otherwise). */
export const DEFAULT_PULL_PAGE_BYTES = 4 * 1024 * 1024;

interface PulledPage {
  rows: PulledRow[];
  nextCursor: string;
  hasMore: boolean;
}

/**
 * Records changed after the cursor, in change-sequence order. One row more
 * than asked tells whether another page follows. Sequences are committed in
 * order (record-store lockWrites), so paging never misses a change.
 * With an entity filter, one ordered scan of (entity, seq) per entity, each
 * stopping after limit + 1 rows, then merged: asked for "entity = any(…)
 * order by seq", the planner gathers every remaining row of those entities
 * and sorts them, for every page (measured on a 10,000-client portfolio: a
 * sixth of the server's time for a first sync's core stream).
 * The records are read as text (`data::text`): a page is sent as the
 * database prints them, never parsed into objects and stringified again.
 */
async function pullRows(db: Queryable | Db, query: PullQuery, maxBytes: number): Promise<PulledPage> {
  const { cursor, limit, entities } = query;
  if (cursor.startsWith('g') || (cursor === '0' && query.order === 'client')) return groupedRows(db, query, maxBytes);
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
  const last = page.at(-1);
  return { rows: page, nextCursor: last ? String(last.seq) : cursor, hasMore: rows.length > page.length };
}

/** Where a pull grouped by client stands: its snapshot's last sequence, then the last row sent (entity, client key, id). */
interface GroupedCursor {
  upTo: number;
  after: { entity: EntityType; client: string; id: string } | null;
}

/** The client a record belongs to, as the grouped order and its index (migration 0009) read it: records of no client come first. */
const CLIENT_KEY = "coalesce(data->>'clientId', '')";

function groupedCursor(upTo: number, last: PulledRow & { client: string }): string {
  return `g${upTo}.${Buffer.from(JSON.stringify([last.entity, last.client, last.id])).toString('base64url')}`;
}

/** A grouped cursor as this server wrote it; anything else (the wire schema only checks its characters) is refused with a 400. */
function readGroupedCursor(cursor: string): GroupedCursor {
  const [seq = '', position] = cursor.slice(1).split('.');
  if (position === undefined) return { upTo: Number(seq), after: null };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(position, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || !decoded.every((v) => typeof v === 'string')) throw new HttpError(400, 'INVALID_REQUEST', invalidRequest([message('http.invalidRequest.issue', { path: 'cursor', reason: { message: message('http.invalidRequest.cursor') } })]));
  const [entity, client, id] = decoded as [EntityType, string, string];
  return { upTo: Number(seq), after: { entity, client, id } };
}

/**
 * A pull from the start grouped by client (`order: 'client'`, src-core
 * sync/pull.ts): the records whose last change is at most the snapshot's
 * sequence (`upTo`, the last committed one when the first page was asked),
 * entity by entity in the filter's order, each by client key then id (one
 * ordered index scan, records_entity_client_idx). A record changed after
 * `upTo` is left out here and sent by the change-order pull that follows
 * from `upTo`: every change is still sent at least once, and a record's
 * latest state last. Its last page's cursor is `upTo` itself.
 */
async function groupedRows(db: Queryable | Db, { cursor, limit, entities }: PullQuery, maxBytes: number): Promise<PulledPage> {
  const wanted = entities ? [...new Set(entities)] : null;
  const { upTo, after } = cursor === '0' ? { upTo: await lastSeq(db), after: null } : readGroupedCursor(cursor);
  const order = wanted ?? (await db.query<{ entity: EntityType }>('select distinct entity from records order by entity')).map((r) => r.entity);
  // In a transaction of its own when the caller is not one already: the plan's settings below last until its end.
  const inTransaction = <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => ('transaction' in db ? db.transaction(fn) : fn(db));
  const rows = await inTransaction(async (tx) => {
    // The planner, without statistics on the client key (the embedded storage is never analysed), guesses a few
    // dozen rows and reads every remaining record of the entity to sort them (a second a page at 10,000 clients,
    // measured): the ordered index scan is the plan, whatever the estimates.
    await tx.query('set local enable_sort = off');
    await tx.query('set local enable_bitmapscan = off');
    const found: (PulledRow & { client: string })[] = [];
    for (const entity of order.slice(after ? Math.max(0, order.indexOf(after.entity)) : 0)) {
      const from = after?.entity === entity ? after : { client: '', id: '' };
      found.push(
        ...(await tx.query<PulledRow & { client: string }>(
          `select ${COLUMNS}, ${CLIENT_KEY} as client from records
           where entity = $1 and seq <= $2 and (${CLIENT_KEY}, id) > ($3, $4)
           order by ${CLIENT_KEY}, id limit $5`,
          [entity, upTo, from.client, from.id, limit + 1 - found.length],
        )),
      );
      if (found.length > limit) break;
    }
    return found;
  });
  const page = withinBytes<PulledRow & { client: string }>(rows.slice(0, limit), maxBytes);
  const last = page.at(-1);
  if (rows.length > page.length && last) return { rows: page, nextCursor: groupedCursor(upTo, last), hasMore: true };
  // The snapshot is sent: what changed since follows in change order.
  const [later] = await db.query<{ found: boolean }>(
    wanted ? 'select exists(select 1 from records where entity = any($2::text[]) and seq > $1) as found' : 'select exists(select 1 from records where seq > $1) as found',
    wanted ? [upTo, wanted] : [upTo],
  );
  return { rows: page, nextCursor: String(upTo), hasMore: later?.found === true };
}

async function lastSeq(db: Queryable): Promise<number> {
  const [row] = await db.query<{ seq: string | number | null }>('select max(seq) as seq from records');
  return Number(row?.seq ?? 0);
}

/** The first rows up to the one that reaches `maxBytes` of JSON (at least one: a page always advances the cursor). */
function withinBytes<Row extends PulledRow>(rows: Row[], maxBytes: number): Row[] {
  let bytes = 0;
  for (const [index, row] of rows.entries()) {
    bytes += row.deleted || row.data === null ? 0 : Buffer.byteLength(row.data);
    if (bytes >= maxBytes) return rows.slice(0, index + 1);
  }
  return rows;
}

/** A page of changes as objects (tests, the bench's peer). */
export async function pullChanges(db: Queryable | Db, query: PullQuery, maxBytes = DEFAULT_PULL_PAGE_BYTES): Promise<PullResponse> {
  const { rows, nextCursor, hasMore } = await pullRows(db, query, maxBytes);
  const changes: RecordChange[] = rows.map((row) => ({
    entity: row.entity,
    recordId: row.id,
    version: row.version,
    deleted: row.deleted,
    record: row.deleted || row.data === null ? null : (JSON.parse(row.data) as WireRecord),
    changedAt: row.changed_at.toISOString(),
    ...(row.changed_by === null ? {} : { changedBy: row.changed_by }),
  }));
  return { changes, nextCursor, hasMore };
}

/**
 * The same page as the JSON text of a PullResponse, the records spliced in
 * as the database printed them: what the /sync/pull route sends. At 1,000
 * clients (13,179 records, 13 MB) parsing them and stringifying twice (the
 * page's byte cap, then the answer) cost the server about a second per first
 * sync (measured in Node on the embedded storage).
 */
export async function pullChangesJson(db: Queryable | Db, query: PullQuery, maxBytes = DEFAULT_PULL_PAGE_BYTES): Promise<string> {
  const { rows, nextCursor, hasMore } = await pullRows(db, query, maxBytes);
  const changes = rows.map((row) => {
    const record = row.deleted || row.data === null ? 'null' : row.data;
    const by = row.changed_by === null ? '' : `,"changedBy":${JSON.stringify(row.changed_by)}`;
    return `{"entity":${JSON.stringify(row.entity)},"recordId":${JSON.stringify(row.id)},"version":${row.version},"deleted":${row.deleted},"record":${record},"changedAt":"${row.changed_at.toISOString()}"${by}}`;
  });
  return `{"changes":[${changes.join(',')}],"nextCursor":${JSON.stringify(nextCursor)},"hasMore":${hasMore}}`;
}
