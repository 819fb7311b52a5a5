import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDigests, digestsOf, generateDemoPortfolio, type Client, type Contract, type EntityType, type UsageDocument, type WireRecord } from '../../src-core';
import { bulkLoad, loadDemoPortfolio, MIGRATIONS, openDataLayer } from '../../src-renderer/data';
import { changeTransaction, writeChanges, type Change } from '../../src-renderer/data/change';
import { recordDigests } from '../../src-renderer/data/read-model/record-digests';
import { applyMigrations, dexieOptions } from '../../src-renderer/data/db';
import { commitPulledPage, newInitialPull, readDigests, rebuildPendingSummaries, recountDigests, SYNC_KEYS, wipeLocalData } from '../../src-renderer/data/sync-state';
import { ACTOR, expectDigestsTrue, freshIndexedDb, openTestData, recomputedDigests as recomputed } from './helpers';

const demo = generateDemoPortfolio({ seed: 11, clients: 8 });
type Pooled = { entity: 'clients' | 'contracts' | 'usage'; record: WireRecord & { id: string; version: number } };
const pool: Pooled[] = [
  ...demo.clients.map((record) => ({ entity: 'clients' as const, record: record as unknown as Pooled['record'] })),
  ...demo.contracts.map((record) => ({ entity: 'contracts' as const, record: record as unknown as Pooled['record'] })),
  ...demo.usage.map((record) => ({ entity: 'usage' as const, record: record as unknown as Pooled['record'] })),
];
const streamOf = (entity: EntityType) => (entity === 'usage' ? 'history' : 'core');

/** One write of a random kind, as the app makes them: pulled pages (live or deleted), bulk loads merging by id, local changes and deletions. */
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('pull' as const), picks: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 9 }), fc.boolean()), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('bulk' as const), picks: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('local' as const), picks: fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 4 }) }),
);
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

async function apply(layer: Awaited<ReturnType<typeof openTestData>>, step: Step, cursor: number) {
  const { db, ctx } = layer;
  if (step.kind === 'pull') {
    for (const entity of ['clients', 'contracts', 'usage'] as const) {
      const changes = step.picks
        .map(([n, version, deleted]) => ({ pick: pool[n % pool.length]!, version, deleted }))
        .filter(({ pick }) => pick.entity === entity)
        .map(({ pick, version, deleted }) => ({ entity, recordId: pick.record.id, version, deleted, record: deleted ? null : { ...pick.record, version }, changedAt: '2026-11-27T10:00:00Z' }));
      if (changes.length > 0) await commitPulledPage(db, streamOf(entity), { changes, nextCursor: String(cursor) });
    }
  } else if (step.kind === 'bulk') {
    for (const entity of ['clients', 'contracts', 'usage'] as const) {
      const records = new Map(step.picks.map(([n]) => pool[n % pool.length]!).filter((p) => p.entity === entity).map((p) => [p.record.id, p.record]));
      const versioned = [...records.values()].map((r, i) => ({ ...r, version: step.picks[i]![1] }));
      // The pool's records are valid records of `entity`.
      if (versioned.length > 0) await bulkLoad(db, entity, versioned as never[], { chunkSize: 2 });
    }
  } else {
    // Local changes of stored records (an edit keeps the version: it is the mutation's base), or their deletion.
    const picked = [...new Map(step.picks.map(([n, remove]) => [pool[n % pool.length]!.record.id, { pick: pool[n % pool.length]!, remove }])).values()];
    await changeTransaction(ctx, ['clients', 'contracts', 'usage'], async () => {
      const changes: Change<EntityType>[] = [];
      for (const { pick, remove } of picked) {
        const before = (await db.records(pick.entity).get(pick.record.id)) as WireRecord | undefined;
        if (!before) continue;
        const after = remove ? null : { ...before };
        changes.push({ entity: pick.entity, before, after, actor: ACTOR, action: remove ? 'delete' : 'update', summary: 'Test' } as Change<EntityType>);
      }
      if (changes.length > 0) await writeChanges(ctx, changes);
    });
  }
}

describe('reconciliation digests kept by the write gateway', { timeout: 120_000 }, () => {
  it('equal a recompute from the records after any sequence of pulls, bulk loads and local changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 6 }), async (steps) => {
        const layer = await openTestData();
        let cursor = 0;
        for (const step of steps) await apply(layer, step, ++cursor);
        await expectDigestsTrue(layer.db);
        layer.db.close();
      }),
      { numRuns: 25 },
    );
  });

  it('follow a first sync into empty tables (a first load: the read model deferred, the digests not) and a wipe', async () => {
    const layer = await openDataLayer({ name: 'first-sync', ...freshIndexedDb() });
    const { db } = layer;
    const initial = newInitialPull();
    initial.covered.add('clients').add('contracts').add('priceLists');
    const core = pool.filter((p) => p.entity !== 'usage').map(({ entity, record }) => ({ entity, recordId: record.id, version: record.version, deleted: false, record, changedAt: '2026-11-27T10:00:00Z' }));
    await commitPulledPage(db, 'core', { changes: core.slice(0, 5), nextCursor: '5' }, initial);
    await commitPulledPage(db, 'core', { changes: core.slice(5), nextCursor: '99' }, initial);
    expect((await db.syncState.get(SYNC_KEYS.summariesPending))?.value).toBe(true);
    await expectDigestsTrue(db);
    await rebuildPendingSummaries(db, initial);
    await expectDigestsTrue(db);
    expect((await readDigests(db)).get('clients')!.count.reduce((a, b) => a + b, 0)).toBe(demo.clients.length);
    await wipeLocalData(db);
    await expectDigestsTrue(db);
    expect((await db.digests.toArray()).length).toBe(0);
    db.close();
  });

  it('follow the demo load, into empty tables and merged into stored records', async () => {
    const layer = await openDataLayer({ name: 'demo-digests', ...freshIndexedDb() });
    await loadDemoPortfolio(layer.db, { seed: 3, clients: 30, chunkSize: 7 });
    await expectDigestsTrue(layer.db);
    await loadDemoPortfolio(layer.db, { seed: 4, clients: 40, chunkSize: 9 });
    await expectDigestsTrue(layer.db);
    await loadDemoPortfolio(layer.db, { seed: 4, clients: 10, replace: true });
    await expectDigestsTrue(layer.db);
    layer.db.close();
  });

  it('fold a record written in several steps of one load as its net change: a load assuming an empty store counts it once', () => {
    const folded = recordDigests.empty();
    // A bulk load into an empty store gives no stored `before`: the second step's write of the same record must take back the first.
    recordDigests.add(folded, [{ entity: 'usage', id: 'u1', before: undefined, after: { version: 1 } }, { entity: 'usage', id: 'u2', before: undefined, after: { version: 4 } }]);
    recordDigests.add(folded, [{ entity: 'usage', id: 'u1', before: undefined, after: { version: 2 } }]);
    recordDigests.add(folded, [{ entity: 'usage', id: 'u2', before: undefined, after: null }, { entity: 'clients', id: 'c1', before: { version: 3 }, after: { version: 5 } }]);
    expect(folded.byEntity.get('usage')).toEqual(digestsOf([{ id: 'u1', version: 2 }]));
    // A stored record's `before` is taken back: stored over the digests of its version 3, the change leaves those of version 5.
    const stored = digestsOf([{ id: 'c1', version: 3 }]);
    addDigests(stored, folded.byEntity.get('clients')!);
    expect(stored).toEqual(digestsOf([{ id: 'c1', version: 5 }]));
  });

  it('a recount repairs digests that drifted from the records', async () => {
    const layer = await openDataLayer({ name: 'drift', ...freshIndexedDb() });
    await loadDemoPortfolio(layer.db, { seed: 3, clients: 5 });
    const truth = await recomputed(layer.db);
    await layer.db.digests.put({ entity: 'clients', ...digestsOf([{ id: 'ghost', version: 1 }]) });
    expect((await readDigests(layer.db)).get('clients')).not.toEqual(truth.get('clients'));
    const { pairs, digests } = await recountDigests(layer.db, 'clients');
    expect(pairs).toHaveLength(5);
    expect(digests).toEqual(truth.get('clients'));
    await expectDigestsTrue(layer.db);
    layer.db.close();
  });

  it('are computed once from the records when a database from before v12 is opened', async () => {
    const idb = freshIndexedDb();
    const old = new Dexie('to-v12', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 10));
    await old.open();
    const portfolio = generateDemoPortfolio({ seed: 6, clients: 25 });
    await old.table('clientFiles').bulkPut(
      portfolio.clients.map((client: Client) => {
        const contracts = portfolio.contracts.filter((c: Contract) => c.clientId === client.id);
        return { id: client.id, client, contracts, contractIds: contracts.map((c) => c.id) };
      }),
    );
    await old.table<UsageDocument>('usage').bulkPut(portfolio.usage);
    old.close();

    const { db } = await openDataLayer({ name: 'to-v12', ...idb });
    expect(db.verno).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(await db.syncState.get(SYNC_KEYS.digestsPending)).toBeUndefined();
    expect((await readDigests(db)).get('contracts')!.count.reduce((a, b) => a + b, 0)).toBe(portfolio.contracts.length);
    await expectDigestsTrue(db);
    db.close();
  });
});
