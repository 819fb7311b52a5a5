import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, digestsOf, ENTITY_TYPES, generateDemoPortfolio, type EntityType, type WireRecord } from '../../src-core';
import { createUser } from '../../src-server/auth/users';
import { seedRecords, type SeedTables } from '../../src-server/seed';
import type { Db } from '../../src-server/storage/db';
import { openStorage } from '../../src-server/storage/open-storage';
import { applyMutation } from '../../src-server/sync/apply-mutation';
import { readDigests } from '../../src-server/sync/record-digests';
import { clientRecord, mutation } from './support/fixtures';
import { storageVariants, type TestStorage } from './support/storages';

/** The server's stored digests against a recompute from its live records. */
async function expectDigestsTrue(db: Db) {
  const records = await db.query<{ entity: EntityType; id: string; version: number }>('select entity, id, version from records where not deleted');
  const stored = await readDigests(db);
  for (const entity of ENTITY_TYPES) expect(stored.get(entity), entity).toEqual(digestsOf(records.filter((r) => r.entity === entity)));
}

// Opening the embedded engine takes seconds, tens of them on a busy machine.
describe.each(storageVariants())('$name : empreintes de compartiments du serveur', { timeout: 180_000 }, ({ open }) => {
  let storage: TestStorage;
  let db: Db;
  beforeAll(async () => {
    storage = await open();
    db = await openStorage(storage.config);
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    await storage?.dispose();
  }, 180_000);

  it('suivent le semis en bloc, les créations, modifications et suppressions poussées', async () => {
    const { user } = await createUser(db, 'digests', 'account_manager');
    const demo = generateDemoPortfolio({ seed: 4, clients: 9, today: DEMO_TODAY });
    await seedRecords(db, user.id, { clients: demo.clients, contracts: demo.contracts, usage: demo.usage } as unknown as SeedTables, { batchSize: 5 });
    await expectDigestsTrue(db);
    const pushed = await applyMutation(db, user.id, 'laptop-d', mutation('laptop-d', 'clients', 'c-digest', clientRecord('Empreinte SA')));
    expect(pushed).toMatchObject({ status: 'applied', version: 1 });
    const renamed = await applyMutation(db, user.id, 'laptop-d', mutation('laptop-d', 'clients', 'c-digest', { legalName: 'Empreinte SAS' }, 1));
    expect(renamed).toMatchObject({ status: 'applied', version: 2 });
    await expectDigestsTrue(db);
    const seeded = demo.clients.at(-1) as unknown as WireRecord & { id: string; version: number };
    const deleted = await applyMutation(db, user.id, 'laptop-d', mutation('laptop-d', 'clients', seeded.id, {}, 1, 'delete'));
    expect(deleted).toMatchObject({ status: 'applied' });
    await expectDigestsTrue(db);
    expect((await readDigests(db, 'clients')).get('clients')!.count.reduce((a, b) => a + b, 0)).toBe(demo.clients.length);
  });

  it('sont calculées une fois depuis les enregistrements quand la migration 8 s’applique à un stockage qui en a déjà', async () => {
    // The storage as it was at version 7: no digests tables, migration 8 not applied.
    await db.exec('drop table record_digests; drop table record_digests_pending; delete from schema_migrations where version = 8;');
    await db.close();
    db = await openStorage(storage.config);
    expect(await db.query('select id from record_digests_pending')).toEqual([]);
    expect((await db.query<{ n: number }>('select count(*)::int as n from record_digests'))[0]!.n).toBeGreaterThan(0);
    await expectDigestsTrue(db);
  });
});
