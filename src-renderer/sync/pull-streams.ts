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

/** Pulls one stream page by page until the server has no more; each page is committed with its cursor. */
export async function pullStream({ db }: DataLayer, api: ApiClient, stream: (typeof PULL_STREAMS)[number], pageSize = 500, onPage?: (progress: PullProgress) => void): Promise<number> {
  let cursor = await readCursor(db, stream.id);
  let received = 0;
  for (;;) {
    const page = await api.pull({ cursor, limit: Math.min(pageSize, MAX_PULL_LIMIT), entities: [...stream.entities] });
    await commitPulledPage(db, stream.id, page);
    cursor = page.nextCursor;
    received += page.changes.length;
    onPage?.({ stream: stream.id, received });
    if (!page.hasMore) return received;
  }
}
