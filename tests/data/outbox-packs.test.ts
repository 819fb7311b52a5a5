import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../src-core';
import { createDatabase, createDataContext, createRepositories, MIGRATIONS, readOutbox } from '../../src-renderer/data';
import { applyMigrations, dexieOptions } from '../../src-renderer/data/db';
import { editOutbox, outboxPack } from '../../src-renderer/data/outbox';
import { freshIndexedDb } from './helpers';

// An outbox row may hold a pack of mutations (a usage import's step, v16): read and edited one mutation at a time.

const mutation = (n: number, baseVersion = 0): Mutation => ({
  mutationId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  deviceId: 'poste-a',
  entity: 'usage',
  recordId: `k${n}`,
  op: 'upsert',
  baseVersion,
  changes: { months: [{ month: '2026-11', cpuHours: n, databaseGB: 0.4, storageGB: 1 }] },
  madeAt: `2026-12-04T10:00:0${n}+01:00`,
});

const ids = (entries: readonly { recordId: string }[]) => entries.map((m) => m.recordId);

async function outboxOf(rows: (Mutation | Mutation[])[]) {
  const db = createDatabase({ name: 'packs', ...freshIndexedDb() });
  await db.open();
  await db.outbox.bulkAdd(rows.map((row) => (Array.isArray(row) ? outboxPack(row) : row)));
  return { db, repos: createRepositories(createDataContext(db, 'poste-a')) };
}

describe('outbox packs', () => {
  it('reads a pack as its mutations in order, between the rows around it, and counts them without reading the packs', async () => {
    const { db, repos } = await outboxOf([mutation(1), [mutation(2), mutation(3), mutation(4)], mutation(5)]);
    expect(await db.outbox.count()).toBe(3);
    expect(ids(await readOutbox(db))).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
    // Each packed mutation carries its pack's seq: the order the overlay and the push follow.
    expect((await readOutbox(db)).map((m) => m.seq)).toEqual([1, 2, 2, 2, 3]);
    expect(await repos.outbox.count()).toBe(5);
    // The oldest rows: a pack comes whole.
    expect(ids(await repos.outbox.pending(2))).toEqual(['k1', 'k2', 'k3', 'k4']);
    // What is pushed has no `seq`, and is the mutation as made.
    const [, second] = await readOutbox(db);
    const { seq: _seq, ...sent } = second!;
    expect(sent).toEqual(mutation(2));
  });

  it('removes and rebases single mutations inside a pack; an emptied pack is deleted', async () => {
    const { db, repos } = await outboxOf([mutation(1), [mutation(2), mutation(3), mutation(4)], mutation(5)]);
    const entries = await readOutbox(db);
    const of = (n: number) => entries.find((m) => m.recordId === `k${n}`)!;
    await db.transaction('rw', db.outbox, () => editOutbox(db, { removed: [of(3)], replaced: [{ ...of(4), baseVersion: 7 }, { ...of(5), baseVersion: 2 }] }));
    expect((await readOutbox(db)).map((m) => [m.recordId, m.baseVersion, m.seq])).toEqual([
      ['k1', 0, 1],
      ['k2', 0, 2],
      ['k4', 7, 2],
      ['k5', 2, 3],
    ]);
    expect(await repos.outbox.count()).toBe(4);
    expect(await repos.outbox.acknowledge([of(2).mutationId, of(4).mutationId, 'absent'])).toBe(2);
    expect(ids(await readOutbox(db))).toEqual(['k1', 'k5']);
    expect(await db.outbox.count()).toBe(2);
    expect(await repos.outbox.count()).toBe(2);
  });

  it.each([1, 15])('migrates a v%i outbox: its single mutations kept as they were, read and counted as before', async (version) => {
    const idb = freshIndexedDb();
    const old = new Dexie('to-v16', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= version));
    await old.open();
    await old.table('outbox').bulkAdd([mutation(1), mutation(2)]);
    old.close();

    const db = createDatabase({ name: 'to-v16', ...idb });
    await db.open();
    expect(db.verno).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.outbox.schema.indexes.map((i) => i.name).sort()).toEqual(['mutationId', 'size']);
    expect(await db.outbox.toArray()).toEqual([{ ...mutation(1), seq: 1 }, { ...mutation(2), seq: 2 }]);
    const repos = createRepositories(createDataContext(db, 'poste-a'));
    expect(await repos.outbox.count()).toBe(2);
    expect(await repos.outbox.pending()).toEqual([{ ...mutation(1), seq: 1 }, { ...mutation(2), seq: 2 }]);
    db.close();
  });
});
