import { useLiveQuery } from 'dexie-react-hooks';
import { useDataLayer } from '../provider';
import { listConflicts, listSetAside } from './conflicts';
import { readJoinReview } from './join';
import { readSyncValue } from './keys';

/** Conflicts awaiting a person (live). */
export function useConflicts() {
  const { ctx } = useDataLayer();
  return useLiveQuery(() => listConflicts(ctx), [ctx]);
}

/** Mutations the server refused for good (live). */
export function useSetAside() {
  const { ctx } = useDataLayer();
  return useLiveQuery(() => listSetAside(ctx), [ctx]);
}

/** When the oldest change still waiting to be pushed was made (null when none): a stalled sync cannot hide. */
export function useOldestPendingAt() {
  const { db } = useDataLayer();
  return useLiveQuery(async () => (await db.outbox.orderBy('seq').first())?.madeAt ?? null, [db]);
}

/** One `sync.` row (server, last sync, reconciliation report), live. */
export function useSyncValue<T>(key: string) {
  const { db } = useDataLayer();
  return useLiveQuery(() => readSyncValue<T>(db, key), [db, key]);
}

/** What joining a non-empty server left for a person to confirm, side by side (live; undefined when nothing). */
export function useJoinReview() {
  const { ctx } = useDataLayer();
  return useLiveQuery(() => readJoinReview(ctx), [ctx]);
}
