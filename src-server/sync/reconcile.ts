import { ENTITY_TYPES, tableDigest, type EntityType, type ReconcileResponse } from '../../src-core/sync';
import type { Queryable } from '../storage/db';

/** Count and order-independent hash of the live records of every table, computed as the app computes it (src-core). */
export async function reconcile(db: Queryable): Promise<ReconcileResponse> {
  const rows = await db.query<{ entity: EntityType; id: string; version: number }>('select entity, id, version from records where not deleted');
  const byEntity = new Map<EntityType, { id: string; version: number }[]>(ENTITY_TYPES.map((entity) => [entity, []]));
  for (const row of rows) byEntity.get(row.entity)?.push({ id: row.id, version: row.version });
  return { tables: Object.fromEntries([...byEntity].map(([entity, pairs]) => [entity, tableDigest(pairs)])) as ReconcileResponse['tables'] };
}
