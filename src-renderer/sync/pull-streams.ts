import { MAX_PULL_LIMIT, type EntityType } from '../../src-core';
import type { DataLayer } from '../data';
import { commitPulledPage, newInitialPull, readCursor, rebuildPendingSummaries, validatePulledPage, type InitialPull } from '../data/sync-state';
import type { ApiClient } from './api-client';

/**
 * Two pull streams, each with its own cursor (a cursor is only valid for the
 * filter it was obtained with): clients, contracts and price lists first, so
 * the account manager can work as soon as they are in, then the history —
 * usage, invoices, payments, letters — which is most of the volume.
 */
export const PULL_STREAMS = [
  { id: 'core', entities: ['clients', 'contracts', 'priceLists'] },
  { id: 'history', entities: ['usage', 'invoices', 'payments', 'letters'] },
] as const satisfies readonly { id: string; entities: readonly EntityType[] }[];

export interface PullProgress {
  stream: (typeof PULL_STREAMS)[number]['id'];
  received: number;
}

/**
 * Pulls one stream page by page until the server has no more; each page is
 * committed with its cursor. The next page is already asked for while one is
 * being written (its cursor is known from the answer), and validated as soon
 * as it arrives: the server's, the network's and the schemas' time hide
 * behind IndexedDB's. Only a committed page moves the
 * stored cursor, so a crash mid-stream re-pulls from the last committed page.
 * `run` is the sync run's memory, shared by its streams (see InitialPull).
 */
export async function pullStream(
  { db }: DataLayer,
  api: ApiClient,
  stream: (typeof PULL_STREAMS)[number],
  pageSize: number = MAX_PULL_LIMIT,
  onPage?: (progress: PullProgress) => void,
  run: InitialPull = newInitialPull(),
): Promise<number> {
  const ask = (cursor: string) => api.pull({ cursor, limit: Math.min(pageSize, MAX_PULL_LIMIT), entities: [...stream.entities] }).then(validatePulledPage);
  const cursor = await readCursor(db, stream.id);
  // From the start into empty tables (a new laptop): pages skip reading what cannot be stored yet, summaries are computed once at the end.
  const initial = cursor === '0' && (await Promise.all(stream.entities.map((e) => db.table(e).count()))).every((n) => n === 0) ? run : undefined;
  if (initial) for (const entity of stream.entities) initial.covered.add(entity);
  let next = ask(cursor);
  let received = 0;
  for (;;) {
    const page = await next;
    if (page.hasMore) {
      next = ask(page.nextCursor);
      // Not awaited if the commit below fails: its rejection must not go unhandled.
      next.catch(() => undefined);
    }
    await commitPulledPage(db, stream.id, page, initial);
    // Before the last page is reported: the stream is "in" once the clients list can show it.
    if (!page.hasMore) await rebuildPendingSummaries(db, initial);
    received += page.changes.length;
    onPage?.({ stream: stream.id, received });
    if (!page.hasMore) return received;
  }
}
