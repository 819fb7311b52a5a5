import type { EntityType, PullOrder, PullResponse } from '../../src-core/sync';
import { message } from '../../src-core/messages';
import { HttpError, invalidRequest } from '../http/errors';
import type { Db, Queryable } from '../storage/db';

interface PullQuery {
  cursor: string;
  limit: number;
  entities?: EntityType[] | undefined;
  order?: PullOrder | undefined;
}

/**
 * A slice of a page as the database prints it: its changes already written as
 * the JSON of RecordChange objects, comma-joined (`json`), how many rows the
 * query found and how many it kept, their records' bytes, and the last kept
 * row (for the cursor). One row per query, whatever the page's size: read row
 * by row, a first sync's 131,592 records cost the embedded storage's driver
 * twice the CPU of the query itself (converting nine columns of each row),
 * measured: 2.9 s against 1.5 s of server CPU for the 99,629 invoices of the
 * 10,000-client bench portfolio.
 */
interface PageSlice {
  json: string | null;
  found: number;
  kept: number;
  bytes: number;
  last: { entity: EntityType; id: string; seq: number; client: string } | null;
}

/** The slice's row as the database answers it: the last kept row as a one-row text array (entity, id, seq, client). */
type SliceRow = Omit<PageSlice, 'last' | 'bytes'> & { bytes: string | number; last: string[][] | null };

/** One change as the JSON of a RecordChange, written by the database (the record as it prints `data`, the date as toISOString writes it). */
const CHANGE_JSON = `'{"entity":' || to_json(entity)::text || ',"recordId":' || to_json(id)::text || ',"version":' || version::text
  || ',"deleted":' || deleted::text || ',"record":' || coalesce(body, 'null')
  || ',"changedAt":"' || to_char(changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
  || coalesce(',"changedBy":' || to_json(changed_by)::text, '') || '}'`;

/**
 * Wraps a query of rows (entity, id, version, deleted, body = data as text,
 * seq, changed_at, changed_by, client), in the page's order, into one
 * PageSlice row: the rows kept are the first `$keep`, up to the one whose
 * record reaches `$budget` bytes (at least one: a page always advances the
 * cursor; no cap when null). `$budget` is a bigint parameter, `$keep` an integer one.
 * `row_number() over ()` numbers the rows as the inner query yields them: its
 * ORDER BY … LIMIT feeds the window directly, on both storages
 * (tests/server/pull-pages.test.ts reads every page's order back).
 */
function sliceOf(rows: string, keep: string, budget: string): string {
  const kept = `n <= ${keep} and (${budget}::bigint is null or before < ${budget}::bigint)`;
  return `select string_agg(json, ',' order by n) filter (where kept) as json, count(*)::int as found, (count(*) filter (where kept))::int as kept,
      coalesce(sum(bytes) filter (where kept), 0)::bigint as bytes,
      (array_agg(array[entity, id, seq::text, client] order by n) filter (where kept))[count(*) filter (where kept):count(*) filter (where kept)] as last
    from (select *, ${kept} as kept from (
      select *, coalesce(sum(bytes) over (order by n rows between unbounded preceding and 1 preceding), 0) as before from (
        select entity, id, seq, client, row_number() over () as n, coalesce(octet_length(body), 0) as bytes, ${CHANGE_JSON} as json from (${rows}) r) numbered) sized) page`;
}

async function slice(db: Queryable, rows: string, params: unknown[], keep: number, budget: number): Promise<PageSlice> {
  const at = params.length;
  const [row] = await db.query<SliceRow>(sliceOf(rows, `$${at + 1}::int`, `$${at + 2}`), [...params, keep, Number.isFinite(budget) ? Math.max(0, Math.floor(budget)) : null]);
  if (!row) throw new Error('pull: the page query answered no row');
  const [entity, id, seq, client] = row.last?.[0] ?? [];
  const last = entity && id !== undefined && seq !== undefined && client !== undefined ? { entity: entity as EntityType, id, seq: Number(seq), client } : null;
  return { ...row, bytes: Number(row.bytes), last };
}

// A deleted record's body is null, counted as no bytes; the live one's JSON stored as text (migration 0010), not printed from jsonb.
const COLUMNS = 'entity, id, version, deleted, body, seq, changed_at, changed_by';

/** Default cap of a page's records in bytes of JSON: a page of large records stops early (one 127 MB page otherwise). */
export const DEFAULT_PULL_PAGE_BYTES = 4 * 1024 * 1024;

interface PulledPage {
  /** The page's changes, each the JSON of a RecordChange, comma-joined ('' for none). */
  json: string;
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
 * The records are read as text (their stored `body`) and the page written by the
 * database (sliceOf): never parsed into objects and stringified again.
 */
async function pullRows(db: Queryable | Db, query: PullQuery, maxBytes: number): Promise<PulledPage> {
  const { cursor, limit, entities } = query;
  if (cursor.startsWith('g') || (cursor === '0' && query.order === 'client')) return groupedRows(db, query, maxBytes);
  const rows = entities
    ? `select r.*, '' as client from unnest($2::text[]) as wanted(entity)
         cross join lateral (select ${COLUMNS} from records where records.entity = wanted.entity and seq > $1 order by seq limit $3) r
         order by r.seq limit $3`
    : `select ${COLUMNS}, '' as client from records where seq > $1 order by seq limit $2`;
  // Each entity once: a repeated one would repeat its rows.
  const params = entities ? [Number(cursor), [...new Set(entities)], limit + 1] : [Number(cursor), limit + 1];
  const page = await slice(db, rows, params, limit, maxBytes);
  return { json: page.json ?? '', nextCursor: page.last ? String(page.last.seq) : cursor, hasMore: page.found > page.kept };
}

/** Where a pull grouped by client stands: its snapshot's last sequence, then the last row sent (entity, client key, id). */
interface GroupedCursor {
  upTo: number;
  after: { entity: EntityType; client: string; id: string } | null;
}

/** The client a record belongs to, as the grouped order and its index (migration 0009) read it: records of no client come first. */
const CLIENT_KEY = "coalesce(data->>'clientId', '')";

function groupedCursor(upTo: number, last: { entity: EntityType; client: string; id: string }): string {
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
  const { parts, last, full } = await inTransaction(async (tx) => {
    // The planner, without statistics on the client key (the embedded storage is never analysed), guesses a few
    // dozen rows and reads every remaining record of the entity to sort them (a second a page at 10,000 clients,
    // measured): the ordered index scan is the plan, whatever the estimates.
    await tx.query('set local enable_sort = off');
    await tx.query('set local enable_bitmapscan = off');
    // Sorts made dear push the page's estimated cost over PostgreSQL's JIT threshold: compiling its plan took 0.3 s a page (measured), running it 10 ms.
    await tx.query('set local jit = off');
    const parts: string[] = [];
    let found = 0;
    let kept = 0;
    let bytes = 0;
    let last: PageSlice['last'] = null;
    for (const entity of order.slice(after ? Math.max(0, order.indexOf(after.entity)) : 0)) {
      const from = after?.entity === entity ? after : { client: '', id: '' };
      // Bytes reached: one row is enough to tell that the snapshot goes on.
      const spent = bytes >= maxBytes;
      const page = await slice(
        tx,
        `select ${COLUMNS}, ${CLIENT_KEY} as client from records
         where entity = $1 and seq <= $2 and (${CLIENT_KEY}, id) > ($3, $4)
         order by ${CLIENT_KEY}, id limit $5`,
        [entity, upTo, from.client, from.id, spent ? 1 : limit + 1 - found],
        spent ? 0 : limit - kept,
        maxBytes - bytes,
      );
      if (page.json) parts.push(page.json);
      found += page.found;
      kept += page.kept;
      bytes += page.bytes;
      last = page.last ?? last;
      // A row found and not kept (the page's count or bytes reached): another page follows.
      if (found > kept) return { parts, last, full: true };
    }
    return { parts, last, full: false };
  });
  const json = parts.join(',');
  if (full && last) return { json, nextCursor: groupedCursor(upTo, last), hasMore: true };
  // The snapshot is sent: what changed since follows in change order.
  const [later] = await db.query<{ found: boolean }>(
    wanted ? 'select exists(select 1 from records where entity = any($2::text[]) and seq > $1) as found' : 'select exists(select 1 from records where seq > $1) as found',
    wanted ? [upTo, wanted] : [upTo],
  );
  return { json, nextCursor: String(upTo), hasMore: later?.found === true };
}

async function lastSeq(db: Queryable): Promise<number> {
  const [row] = await db.query<{ seq: string | number | null }>('select max(seq) as seq from records');
  return Number(row?.seq ?? 0);
}

/** A page of changes as objects (tests, the bench's peer). */
export async function pullChanges(db: Queryable | Db, query: PullQuery, maxBytes = DEFAULT_PULL_PAGE_BYTES): Promise<PullResponse> {
  return JSON.parse(await pullChangesJson(db, query, maxBytes)) as PullResponse;
}

/**
 * The page as the JSON text of a PullResponse, its changes written by the
 * database: what the /sync/pull route sends. At 1,000 clients (13,179
 * records, 13 MB) parsing the records and stringifying them twice (the page's
 * byte cap, then the answer) cost the server about a second per first sync
 * (measured in Node on the embedded storage).
 */
export async function pullChangesJson(db: Queryable | Db, query: PullQuery, maxBytes = DEFAULT_PULL_PAGE_BYTES): Promise<string> {
  const { json, nextCursor, hasMore } = await pullRows(db, query, maxBytes);
  return `{"changes":[${json}],"nextCursor":${JSON.stringify(nextCursor)},"hasMore":${hasMore}}`;
}
