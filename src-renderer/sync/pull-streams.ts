import { MAX_PULL_LIMIT, type EntityType } from '../../src-core';
import type { DataLayer } from '../data';
import { commitPulledPage, readCursor } from '../data/sync-state';
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
 * being written (its cursor is known from the answer): the server's and the
 * network's time hide behind IndexedDB's. Only a committed page moves the
 * stored cursor, so a crash mid-stream re-pulls from the last committed page.
 */
export async function pullStream(
  { db }: DataLayer,
  api: ApiClient,
  stream: (typeof PULL_STREAMS)[number],
  pageSize: number = MAX_PULL_LIMIT,
  onPage?: (progress: PullProgress) => void,
): Promise<number> {
  const ask = (cursor: string) => api.pull({ cursor, limit: Math.min(pageSize, MAX_PULL_LIMIT), entities: [...stream.entities] });
  let next = ask(await readCursor(db, stream.id));
  let received = 0;
  for (;;) {
    const page = await next;
    if (page.hasMore) {
      next = ask(page.nextCursor);
      // Not awaited if the commit below fails: its rejection must not go unhandled.
      next.catch(() => undefined);
    }
    await commitPulledPage(db, stream.id, page);
    received += page.changes.length;
    onPage?.({ stream: stream.id, received });
    if (!page.hasMore) return received;
  }
}
