import type { Table } from 'dexie';
import { addDigests, addRecord, digestsOf, emptyDigests, ENTITY_TYPES, isNoChange, type BucketDigests, type EntityType } from '../../../src-core';
import type { ContratsDb, DigestRow } from '../db';
import { SYNC_KEYS } from '../sync-state/keys';

/**
 * The reconciliation digests (src-core/sync/digest.ts) of the records the
 * laptop holds, one row per entity: kept by the write gateway with every
 * record write, whatever its origin, a first load included — a write removes
 * the part of the version the store held (the write's `before`) and adds the
 * new one's, so the check compares them without reading a record. Cheap per
 * record (two hashes of a short string), written once per transaction.
 */

/** A record write as the digests see it: the stored record before (undefined: none) and after (null: deleted). */
export interface DigestWrite {
  entity: EntityType;
  id: string;
  before: { version: number } | undefined;
  after: { version: number } | null;
}

/**
 * The change of each entity's digests that writes make, folded a step at a
 * time (`recordDigests.add`): per record, what the store held before its first
 * write and what its last one left — a record written again takes back what
 * its previous write added, so a bulk load that assumed an empty store
 * (`before` undefined) counts a repeated record once.
 */
export interface DigestChanges {
  byEntity: Map<EntityType, BucketDigests>;
  /** The version each record written so far was left at (null: deleted), by entity and id. */
  left: Map<EntityType, Map<string, number | null>>;
}

/**
 * The digests' part of the read model, followed by the write gateway on every
 * write (writes/gateway.ts): the change folded from the writes (pure), then
 * one read and one write of the rows of the entities written, inside the
 * caller's transaction.
 */
export const recordDigests = {
  name: 'recordDigests',
  tables: (db: ContratsDb): Table[] => [db.digests],
  empty: (): DigestChanges => ({ byEntity: new Map(), left: new Map() }),
  add(changes: DigestChanges, writes: readonly DigestWrite[]): void {
    for (const { entity, id, before, after } of writes) {
      const change = changes.byEntity.get(entity) ?? changes.byEntity.set(entity, emptyDigests()).get(entity)!;
      const left = changes.left.get(entity) ?? changes.left.set(entity, new Map()).get(entity)!;
      const was = left.has(id) ? left.get(id) : before?.version;
      if (was !== undefined && was !== null) addRecord(change, id, was, -1);
      if (after) addRecord(change, id, after.version);
      left.set(id, after ? after.version : null);
    }
  },
  store(db: ContratsDb, changes: DigestChanges): Promise<void> | undefined {
    const changed = [...changes.byEntity].filter(([, change]) => !isNoChange(change));
    if (changed.length === 0) return undefined;
    return (async () => {
      const rows = await db.digests.bulkGet(changed.map(([entity]) => entity));
      await db.digests.bulkPut(
        changed.map(([entity, change], i) => {
          const row: DigestRow = rows[i] ?? { entity, ...emptyDigests() };
          addDigests(row, change);
          return row;
        }),
      );
    })();
  },
  /** Forgets the digests of `entities` (their records are emptied in the same transaction). */
  clear: (db: ContratsDb, entities: readonly EntityType[]) => db.digests.bulkDelete([...entities]),
};

/** The stored digests of every entity (none stored: no record yet). */
export async function readDigests(db: ContratsDb): Promise<Map<EntityType, BucketDigests>> {
  const rows = await db.digests.bulkGet([...ENTITY_TYPES]);
  return new Map(ENTITY_TYPES.map((entity, i) => [entity, rows[i] ? { count: rows[i].count, high: rows[i].high, low: rows[i].low } : emptyDigests()]));
}

/**
 * Reads every record of `entity` (id and version), computes its digests from
 * them and stores them: the ground truth, for a table whose digests differ
 * from the server's. Answers the pairs read and the digests.
 */
export async function recountDigests(db: ContratsDb, entity: EntityType): Promise<{ pairs: { id: string; version: number }[]; digests: BucketDigests }> {
  const store = db.records(entity);
  return db.transaction('rw', [...store.tables, db.digests], async () => {
    const pairs: { id: string; version: number }[] = [];
    // Only id and version are kept: a cursor reads 100,000 invoices without holding pages of large records.
    await store.each((record: { id: string; version: number }) => pairs.push({ id: record.id, version: record.version }));
    const digests = digestsOf(pairs);
    await db.digests.put({ entity, ...digests });
    return { pairs, digests };
  });
}

/**
 * Computes every entity's digests from the records when the migration that
 * added them (v12) marked them pending, and clears the mark in the same
 * transaction; false when nothing was pending.
 */
export async function rebuildPendingDigests(db: ContratsDb): Promise<boolean> {
  if (!(await db.syncState.get(SYNC_KEYS.digestsPending))) return false;
  const stores = ENTITY_TYPES.map((entity) => db.records(entity));
  await db.transaction('rw', [...new Set(stores.flatMap((s) => s.tables)), db.digests, db.syncState], async () => {
    if (!(await db.syncState.get(SYNC_KEYS.digestsPending))) return;
    const rows: DigestRow[] = [];
    for (const [i, store] of stores.entries()) {
      const digests = emptyDigests();
      await store.each((record: { id: string; version: number }) => addRecord(digests, record.id, record.version));
      rows.push({ entity: ENTITY_TYPES[i]!, ...digests });
    }
    await db.digests.clear();
    await db.digests.bulkPut(rows);
    await db.syncState.delete(SYNC_KEYS.digestsPending);
  });
  return true;
}
