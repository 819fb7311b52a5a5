import { API_ROUTES, MAX_PULL_LIMIT, type Contract, type EntityType, type RecordChange, type PullOrder, type PullRequest } from '../../src-core';
import { recordTables, sharesRows, type DataLayer } from '../data';
import { commitPulledPage, coverEntities, joinPulledPages, newInitialPull, prepareSummaries, readCursor, type InitialPull, type ValidatedPage } from '../data/sync-state';
import type { ApiTransport } from './api-client';
import type { PageHead, PageReader, PageReading, ReadPage } from './page-reader';

/**
 * Two pull streams, each with its own cursor (a cursor is only valid for the
 * filter it was obtained with): clients, contracts and price lists first, so
 * the account manager can work as soon as they are in, then the history —
 * usage, invoices, payments, letters — which is most of the volume.
 * From its start, each stream is asked for grouped by client (`order:
 * 'client'`, src-core sync/pull.ts): a snapshot entity by entity in the
 * filter's order, then what changed meanwhile in the order of changes.
 * `heldUntilClient` (the core stream, pulled from its start into empty
 * tables): a client and its contracts share one row (data/client-rows.ts);
 * the snapshot sends the contracts first, held in memory (11,000 for 10,000
 * clients), then the clients, each page of them committed — while the next
 * pages come — with their held contracts: every row is written once, and the
 * writing overlaps the pull instead of following it. Until the snapshot's end
 * the stored cursor stays at the start ("0": the snapshot's own cursors would
 * skip the contracts still held), so a cut re-pulls the stream from its start,
 * reading before writing what is stored already.
 * The history, pulled from its start into empty tables, is committed page by
 * page, except pages of records that share rows (`sharesRows`: the invoices,
 * a client's year of them in one row, data/invoice-books.ts): those are held
 * and committed by batches of INITIAL_HISTORY_BATCH changes. Grouped by
 * client, a book is written once (twice when a batch boundary splits its
 * client), where in the order of changes — month by month — every batch
 * touched nearly every book.
 */
export const PULL_STREAMS = [
  { id: 'core', entities: ['priceLists', 'contracts', 'clients'], heldUntilClient: true, order: 'client' },
  { id: 'history', entities: ['usage', 'invoices', 'payments', 'letters'], heldUntilClient: false, order: 'client' },
] as const satisfies readonly { id: string; entities: readonly EntityType[]; heldUntilClient: boolean; order: PullOrder }[];

export interface PullProgress {
  stream: (typeof PULL_STREAMS)[number]['id'];
  received: number;
  /** Changes of the stream committed so far (a new laptop's core stream holds its contracts until their clients come). */
  committed: number;
}

/**
 * Changes of a history stream pulled into empty tables held before they are
 * committed together (one transaction, one cursor): a few tens of megabytes
 * of records at most; a failure before a batch's end stores none of it, and
 * the next sync pulls it again from the last committed cursor.
 */
export const INITIAL_HISTORY_BATCH = 25_000;

/**
 * The first page asked for: a quarter of a full one (`firstPageSize`), at
 * least this: small, so that writing starts after a short server answer
 * rather than a full page's, and not so small that the stream's start is
 * a string of round trips and transactions — measured by interleaved first
 * syncs of the bench's 10,000 clients (three each, pages of 4,000): the
 * history begun at 1,000 had everything in after 11.6–12.0 s, begun at 100
 * after 12.0–12.5 s.
 */
export const FIRST_PAGE_SIZE = 100;

/** The size of a stream's first page when its pages hold up to `max` changes. */
export const firstPageSize = (max: number): number => Math.min(max, Math.max(FIRST_PAGE_SIZE, Math.floor(max / 4)));

/**
 * Pages asked for ahead of the one being written, at most (each ≤ MAX_PULL_LIMIT
 * records in memory): the server and the reader keep going while IndexedDB
 * commits a held batch.
 */
export const PAGES_AHEAD = 4;

/** Page sizes of a stream: `first`, then each twice the last, up to `max`. */
function* pageSizes(max: number, first: number): Generator<number, never> {
  for (let size = Math.min(first, max); ; size = Math.min(size * 2, max)) yield size;
}

/**
 * The pages of a stream, asked for ahead of their use: each request leaves as
 * soon as the head of the answer before it is read (its cursor comes with
 * it), so up to PAGES_AHEAD pages are on their way or being checked (by the
 * page reader: a worker in the app) while one is written — the server
 * computes the next page while this one is checked.
 */
function pagesAhead(ask: (cursor: string) => Promise<PageReading>, cursor: string): () => Promise<ReadPage> {
  const queue: Promise<ReadPage | null>[] = [];
  let last: Promise<PageHead | null> | null = null;
  const refill = () => {
    while (queue.length < PAGES_AHEAD) {
      const reading: Promise<PageReading | null> = last ? last.then((head) => (head?.hasMore ? ask(head.nextCursor) : null)) : ask(cursor);
      const page = reading.then((r) => r && r.page);
      last = reading.then((r) => r && r.head);
      // Once a commit fails nobody waits for the pages ahead: their rejection must not go unhandled.
      page.catch(() => undefined);
      last.catch(() => undefined);
      queue.push(page);
    }
  };
  return async () => {
    refill();
    const page = await queue.shift()!;
    refill();
    if (!page) throw new Error('pull: no page after the last one');
    return page;
  };
}

/** Where a stream's pages come from: the wire (compressed by the server, decoded by fetch) and their reader. */
export interface PageSource {
  transport: ApiTransport;
  reader: PageReader;
}

/**
 * Pulls one stream page by page until the server has no more; each page is
 * committed with its cursor. Pages are asked for ahead (pagesAhead), growing
 * from a small first one (pageSizes), and read as soon as they arrive (the
 * page reader: JSON and schemas, in a worker in the app): the server's, the
 * network's and the schemas' time hide behind IndexedDB's.
 * Only a committed page moves the stored cursor, so a crash mid-stream
 * re-pulls from the last committed page.
 * `run` is the sync run's memory, shared by its streams (see InitialPull);
 * `batch`, the changes of a held batch (INITIAL_HISTORY_BATCH).
 */
export async function pullStream(
  { db }: DataLayer,
  { transport, reader }: PageSource,
  stream: (typeof PULL_STREAMS)[number],
  pageSize: number = MAX_PULL_LIMIT,
  onPage?: (progress: PullProgress) => void,
  run: InitialPull = newInitialPull(),
  batch: number = INITIAL_HISTORY_BATCH,
): Promise<number> {
  const cursor = await readCursor(db, stream.id);
  const max = Math.min(pageSize, MAX_PULL_LIMIT);
  // A stream whose snapshot holds its first pages until their clients come writes nothing sooner for a small first page: its pages are full from the start.
  const sizes = pageSizes(max, stream.heldUntilClient && cursor === '0' ? max : firstPageSize(max));
  const ask = async (cursor: string) => {
    const request: PullRequest = { cursor, limit: sizes.next().value, entities: [...stream.entities], order: stream.order };
    return reader.read(await transport.send(API_ROUTES.pull, request));
  };
  // From its start, a stream's pages are large: the reader's worker loads while the first ones are on their way.
  if (cursor === '0') reader.warm();
  // From the start into empty tables (a new laptop): pages skip reading what cannot be stored yet, summaries are computed once at the end.
  const initial = cursor === '0' && (await Promise.all(recordTables(db, stream.entities).map((t) => t.count()))).every((n) => n === 0) ? run : undefined;
  if (initial) coverEntities(initial, stream.entities);
  const nextPage = pagesAhead(ask, cursor);
  let held: ValidatedPage[] = [];
  let heldChanges = 0;
  let received = 0;
  let committed = 0;
  // The commit under way: meanwhile the next pages are fetched, read and held; commits follow one another in stream order.
  let committing: Promise<void> = Promise.resolve();
  const commit = async (joined: ValidatedPage, last: InitialPull | undefined, hasMore: boolean, upTo: number) => {
    // The last page rebuilds the read model with it, before it is reported: the stream is "in" once the clients list can show it.
    await commitPulledPage(db, stream.id, joined, initial, last ? () => void prepareSummaries(last) : undefined, { last: !hasMore });
    committed += joined.changes.length;
    onPage?.({ stream: stream.id, received: upTo, committed });
  };
  // heldUntilClient: contracts waiting for their client's page, by client id; what is committed with the next page.
  const waiting = new Map<string, RecordChange[]>();
  let carried: RecordChange[] = [];
  /** A page read before its turn (see the full batch below). */
  let ahead: ReadPage | undefined;
  try {
    for (;;) {
      let page = ahead ?? (await nextPage());
      if (!ahead) received += page.changes.length;
      ahead = undefined;
      if (initial && stream.heldUntilClient && waiting.size + carried.length + page.changes.length > 0) {
        // The snapshot's pages carry grouped cursors; its last one hands over to the order of changes.
        const snapshotGoesOn = page.hasMore && page.nextCursor.startsWith('g');
        const ready = [...carried];
        for (const change of page.changes) {
          const clientId = change.entity === 'contracts' && !change.deleted ? (change.record as Contract).clientId : undefined;
          if (clientId !== undefined && snapshotGoesOn) (waiting.get(clientId) ?? waiting.set(clientId, []).get(clientId)!).push(change);
          else ready.push(change, ...(change.entity === 'clients' ? (waiting.get(change.recordId) ?? []) : []));
          if (change.entity === 'clients') waiting.delete(change.recordId);
        }
        if (!snapshotGoesOn) for (const contracts of waiting.values()) ready.push(...contracts);
        if (!snapshotGoesOn) waiting.clear();
        // Nothing to write before a page of clients: their rows are what the snapshot's pages are written as.
        carried = snapshotGoesOn && !ready.some((c) => c.entity === 'clients') ? ready : [];
        if (snapshotGoesOn && carried === ready) {
          onPage?.({ stream: stream.id, received, committed });
          continue;
        }
        page = { ...page, changes: ready, nextCursor: snapshotGoesOn ? cursor : page.nextCursor };
      }
      heldChanges += page.changes.length;
      const holding = (held.length > 0 || page.changes.some((c) => sharesRows(c.entity) && !stream.heldUntilClient)) && heldChanges < batch;
      if (initial && page.hasMore && holding) {
        held.push(page);
        onPage?.({ stream: stream.id, received, committed });
        continue;
      }
      // A full batch whose stream ends with the next page takes it along: one commit, the read model computed while
      // IndexedDB stores the batch, where the last page alone waited for the batch's commit, then for its own.
      // A page that fails to come stops the stream once the batch is committed, as it would have on its turn.
      let failed: { error: unknown } | undefined;
      if (initial && page.hasMore && held.length > 0) {
        ahead = await nextPage().catch((error: unknown) => void (failed = { error }));
        received += ahead?.changes.length ?? 0;
        if (ahead && !ahead.hasMore) {
          held.push(page);
          page = ahead;
          ahead = undefined;
        }
      }
      const joined = held.length > 0 ? joinPulledPages([...held, page]) : page;
      held = [];
      heldChanges = 0;
      // One commit at a time, in order: this page's waits for the one before it, whose cursor comes first.
      await committing;
      // The last page of an initial pull: the summaries are computed from memory while IndexedDB writes it.
      committing = commit(joined, !page.hasMore ? initial : undefined, page.hasMore, received);
      committing.catch(() => undefined);
      if (failed) throw failed.error;
      if (!page.hasMore) {
        await committing;
        return received;
      }
    }
  } catch (error) {
    // A page that failed stops the stream, but not the commit under way: nothing of the stream runs after it returns.
    await committing.catch(() => undefined);
    throw error;
  }
}
