import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyMigrations, dexieOptions } from '../../src-renderer/data/db';
import { DEMO_SELLER_PROFILE, generateDemoPortfolio } from '../../src-core';
import { createDatabase, createDataContext, createRepositories, MIGRATIONS, openDataLayer, readPortfolio, readSetting, summarizeClients } from '../../src-renderer/data';
import { SYNC_KEYS, forgetServer, listConflicts, listSetAside, readCursor, readSyncValue, wipeLocalData, writeSyncValue } from '../../src-renderer/data/sync-state';
import { PORTFOLIO_CHUNKS } from '../../src-renderer/data/read-model/portfolio-chunks';
import { readAwaitingCentralIssue, rememberCentralIssue } from '../../src-renderer/data/invoicing';
import { freshIndexedDb } from './helpers';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop is seeded. */
const LISTS = [BUILT_IN_LIST];

// Several tests build an old database and migrate it: seconds on a busy machine (a timeout for that, not a speed claim).
describe('local database schema', { timeout: 30_000 }, () => {
  it('opens at the latest version with every table', async () => {
    const db = createDatabase({ name: 'schema', ...freshIndexedDb() });
    await db.open();
    expect(db.verno).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['audit', 'clientFiles', 'digests', 'invoiceBooks', 'invoiceDirectory', 'invoicedMonths', 'letters', 'outbox', 'overrunFacts', 'payments', 'portfolioChunks', 'portfolioDelta', 'portfolioMeasured', 'priceLists', 'series', 'settings', 'syncState', 'usage'].sort(),
    );
    expect(db.outbox.schema.indexes.find((i) => i.name === 'mutationId')?.unique).toBe(true);
    db.close();
  });

  it('migrates a v1 database to v2: data kept, audit entries get their client', async () => {
    const idb = freshIndexedDb();
    const old = new Dexie('migrate', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version === 1));
    await old.open();
    await old.table('clients').put({ id: 'c1', legalName: 'Ancien client' });
    await old.table('contracts').put({ id: 'k1', clientId: 'c1', status: 'active' });
    await old.table('invoices').put({ id: 'i1', clientId: 'c1', contractId: 'k1', status: 'draft', period: '2026-10' });
    await old.table('audit').bulkAdd([
      { at: 't', actor: 'a', entity: 'clients', recordId: 'c1', action: 'create', summary: 's' },
      { at: 't', actor: 'a', entity: 'contracts', recordId: 'k1', action: 'create', summary: 's' },
      { at: 't', actor: 'a', entity: 'invoices', recordId: 'i1', action: 'create', summary: 's' },
      { at: 't', actor: 'a', entity: 'settings', recordId: 'sellerProfile', action: 'update', summary: 's' },
    ]);
    expect(old.verno).toBe(1);
    old.close();

    // Opened at v2 exactly: later versions read whole records, which this v1 sketch is not.
    const db = new Dexie('migrate', dexieOptions(idb));
    applyMigrations(db, MIGRATIONS.filter((m) => m.version <= 2));
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.table('clients').get('c1')).toEqual({ id: 'c1', legalName: 'Ancien client' });
    const ofClient = await db.table('audit').where('clientId').equals('c1').toArray();
    expect(ofClient.map((e) => e.recordId).sort()).toEqual(['c1', 'i1', 'k1']);
    expect((await db.table('audit').where('[entity+recordId]').equals(['settings', 'sellerProfile']).first())?.clientId).toBeUndefined();
    await db.table('series').put({ id: 'F-2026', next: 1 });
    expect(await db.table('series').count()).toBe(1);
    db.close();
  });

  it('migrates a v4 database to v5: two unused indexes dropped, the read model marked pending and rebuilt as a few documents after opening', async () => {
    const idb = freshIndexedDb();
    const old = new Dexie('to-v5', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 4));
    await old.open();
    const demo = generateDemoPortfolio({ seed: 9, clients: 150 });
    await old.table('clients').bulkPut(demo.clients);
    await old.table('contracts').bulkPut(demo.contracts);
    await old.table('usage').bulkPut(demo.usage);
    // A stale row of the old read model: v5 rebuilds from the records, it does not copy rows.
    await old.table('portfolio').put({ id: demo.clients[0]!.id, legalName: 'Périmé' });
    old.close();

    const db = new Dexie('to-v5', dexieOptions(idb));
    applyMigrations(db, MIGRATIONS.filter((m) => m.version <= 5));
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name)).not.toContain('portfolio');
    expect(db.table('clients').schema.indexes.map((i) => i.name)).toEqual([]);
    expect(db.table('contracts').schema.indexes.map((i) => i.name)).toEqual(['clientId']);
    // Frozen: the upgrade computes no summary, it leaves the mark an interrupted first sync leaves.
    expect(await db.table('portfolioChunks').count()).toBe(0);
    expect((await db.table('settings').get('sync.summariesPending'))?.value).toBe(true);
    db.close();

    const { db: opened } = await openDataLayer({ name: 'to-v5', ...idb });
    const chunks = await opened.portfolioChunks.toArray();
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThanOrEqual(PORTFOLIO_CHUNKS);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await readPortfolio(opened)).sort(byId)).toEqual(summarizeClients(demo.clients, demo.contracts, demo.usage, LISTS).sort(byId));
    opened.close();
  });

  it('migrates a v5 database to v6: each client stored with its contracts as one row, read back through the repositories', async () => {
    const idb = freshIndexedDb();
    const old = new Dexie('to-v6', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 5));
    await old.open();
    const demo = generateDemoPortfolio({ seed: 4, clients: 40 });
    // A contract whose client is missing (an interrupted pull can leave one): it keeps a file of its own.
    const orphan = { ...demo.contracts[0]!, id: 'orphan-contract', clientId: 'missing-client' };
    await old.table('clients').bulkPut(demo.clients);
    await old.table('contracts').bulkPut([...demo.contracts, orphan]);
    old.close();

    const db = createDatabase({ name: 'to-v6', ...idb });
    await db.open();
    expect(db.verno).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(db.tables.map((t) => t.name)).not.toContain('clients');
    expect(db.tables.map((t) => t.name)).not.toContain('contracts');
    expect(db.clientRows.schema.indexes.map((i) => [i.name, i.multi])).toEqual([['contractIds', true]]);
    expect(await db.clientRows.count()).toBe(demo.clients.length + 1);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await db.clients.toArray()).sort(byId)).toEqual([...demo.clients].sort(byId));
    expect((await db.contracts.toArray()).sort(byId)).toEqual([...demo.contracts, orphan].sort(byId));
    const client = demo.clients[3]!;
    const repos = createRepositories(createDataContext(db, 'poste-test'));
    expect(await repos.contracts.ofClient(client.id)).toEqual(demo.contracts.filter((c) => c.clientId === client.id).sort((a, b) => a.startDate.localeCompare(b.startDate)));
    expect(await db.contracts.get('orphan-contract')).toEqual(orphan);
    expect(await db.clients.get('missing-client')).toBeUndefined();
    db.close();
  });
});

describe('migration v9: the sync bookkeeping in its own table', { timeout: 30_000 }, () => {
  const conflict = {
    mutation: { mutationId: 'm-conflict', deviceId: 'poste-ancien', entity: 'clients', recordId: 'c1', op: 'upsert', baseVersion: 2, changes: { legalName: 'Nouveau nom' }, madeAt: '2026-10-01T09:00:00+02:00' },
    serverVersion: 3,
    serverRecord: { id: 'c1', legalName: 'Nom du serveur', version: 3 },
    localRecord: { id: 'c1', legalName: 'Nouveau nom', version: 2 },
    conflicts: [{ field: 'legalName', clientValue: 'Nouveau nom', serverValue: 'Nom du serveur' }],
    reason: 'Modifié sur le serveur entre-temps',
    at: '2026-10-01T09:05:00+02:00',
  };
  const setAside = {
    mutation: { mutationId: 'm-refused', deviceId: 'poste-ancien', entity: 'payments', recordId: 'p1', op: 'upsert', baseVersion: 0, changes: { amountCents: 1 }, madeAt: '2026-10-02T09:00:00+02:00' },
    reason: 'Le paiement dépasse le solde',
    at: '2026-10-02T09:01:00+02:00',
  };
  const person = { id: 'u1', name: 'camille', displayName: 'Camille Martin' };

  it.each(MIGRATIONS.filter((m) => m.version < 9).map((m) => m.version))('moves them out of the settings of a v%i database, values intact; the settings keep the account manager’s', async (version) => {
    const idb = freshIndexedDb();
    const old = new Dexie('to-v9', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= version));
    await old.open();
    await old.table('settings').bulkPut([
      { key: 'deviceId', value: 'poste-ancien' },
      { key: 'sync.server', value: { url: 'https://contrats.dokos.example' } },
      { key: 'sync.lastSync', value: '2026-10-02T10:00:00+02:00' },
      { key: 'sync.cursor.core', value: '42' },
      { key: 'sync.cursor.history', value: '17' },
      { key: 'sync.conflict.m-conflict', value: conflict },
      { key: 'sync.setAside.m-refused', value: setAside },
      { key: 'sync.person', value: person },
      { key: 'sellerProfile', value: DEMO_SELLER_PROFILE },
      { key: 'local.personName', value: 'Camille' },
    ]);
    old.close();

    const { db, ctx } = await openDataLayer({ name: 'to-v9', ...idb });
    expect(db.verno).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    // The laptop keeps its identity: no new device id is made.
    expect(ctx.deviceId).toBe('poste-ancien');
    expect(await readSyncValue(db, SYNC_KEYS.server)).toEqual({ url: 'https://contrats.dokos.example' });
    expect(await readSyncValue(db, SYNC_KEYS.lastSync)).toBe('2026-10-02T10:00:00+02:00');
    expect([await readCursor(db, 'core'), await readCursor(db, 'history')]).toEqual(['42', '17']);
    expect(await listConflicts(ctx)).toEqual([conflict]);
    expect(await listSetAside(ctx)).toEqual([setAside]);
    expect(await readSyncValue(db, SYNC_KEYS.person)).toEqual(person);
    // A version that marked the summaries pending had them rebuilt on opening: the mark is gone.
    expect((await db.syncState.toCollection().primaryKeys()).sort()).toEqual(['conflict.m-conflict', 'cursor.core', 'cursor.history', 'deviceId', 'lastSync', 'person', 'server', 'setAside.m-refused']);
    expect((await db.settings.toCollection().primaryKeys()).sort()).toEqual(['local.personName', 'sellerProfile']);
    expect(await readSetting(db, 'sellerProfile')).toEqual(DEMO_SELLER_PROFILE);
    expect(await readSetting(db, 'local.personName')).toBe('Camille');
    db.close();
  });

  it('signing out forgets the server but keeps the device id, conflicts, set-aside changes and unanswered central issues; erasing keeps the device id only', async () => {
    const { db, ctx } = await openDataLayer({ name: 'sign-out', ...freshIndexedDb() });
    await writeSyncValue(db, SYNC_KEYS.server, { url: 'https://contrats.dokos.example' });
    await writeSyncValue(db, SYNC_KEYS.cursor('core'), '42');
    await writeSyncValue(db, SYNC_KEYS.conflict('m-conflict'), conflict);
    await writeSyncValue(db, SYNC_KEYS.setAside('m-refused'), setAside);
    await rememberCentralIssue(ctx, { invoiceId: 'inv-1', requestId: 'req-1', issueDate: '2026-12-04' });
    await db.settings.put({ key: 'sellerProfile', value: DEMO_SELLER_PROFILE });
    await forgetServer(db);
    expect((await db.syncState.toCollection().primaryKeys()).sort()).toEqual(['centralIssue.inv-1', 'conflict.m-conflict', 'deviceId', 'setAside.m-refused']);
    expect(await readAwaitingCentralIssue(ctx, 'inv-1')).toMatchObject({ requestId: 'req-1' });
    await wipeLocalData(db);
    expect(await db.syncState.toCollection().primaryKeys()).toEqual(['deviceId']);
    expect(await readSyncValue(db, SYNC_KEYS.deviceId)).toBe(ctx.deviceId);
    expect(await readSetting(db, 'sellerProfile')).toEqual(DEMO_SELLER_PROFILE);
    db.close();
  });
});
