import { ENTITY_TYPES, tableDigest, type EntityType, type ReconcileResponse } from '../../src-core/sync';
import type { Queryable } from '../storage/db';

/** Count and order-independent hash of the live records of every table, computed as the app computes it (src-core). */
export async function reconcile(db: Queryable): Promise<ReconcileResponse> {
  const rows = await db.query<{ entity: EntityType; id: string; version: number }>('select entity, id, version from records where not deleted');
  const byEntity = new Map<EntityType, { id: string; version: number }[]>(ENTITY_TYPES.map((entity) => [entity, []]));
  for (const row of rows) byEntity.get(row.entity)?.push({ id: row.id, version: row.version });
  return { tables: Object.fromEntries([...byEntity].map(([entity, pairs]) => [entity, tableDigest(pairs)])) as ReconcileResponse['tables'] };
}

/**
 * reconcile reads every live record: asked in a loop it would be the
 * cheapest way to load the server. Every write advances the change counter,
 * so the answer is computed again only when the counter moved since the last
 * one (the counter is read first: an answer is never older than its key).
 */
export function cachedReconcile(db: Queryable): () => Promise<ReconcileResponse> {
  let cached: { seq: number; answer: ReconcileResponse } | undefined;
  return async () => {
    const [counter] = await db.query<{ last_seq: number }>('select last_seq from change_counter where id = 1');
    const seq = counter?.last_seq ?? 0;
    if (cached?.seq !== seq) cached = { seq, answer: await reconcile(db) };
    return cached.answer;
  };
}
