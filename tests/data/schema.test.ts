import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyMigrations, dexieOptions } from '../../src-renderer/data/db';
import { generateDemoPortfolio } from '../../src-core';
import { createDatabase, createDataContext, createRepositories, MIGRATIONS, readPortfolio, summarizeClients, type ContratsDb } from '../../src-renderer/data';
import { PORTFOLIO_CHUNKS } from '../../src-renderer/data/read-model/portfolio-chunks';
import { freshIndexedDb } from './helpers';

describe('local database schema', () => {
  it('opens at the latest version with every table', async () => {
    const db = createDatabase({ name: 'schema', ...freshIndexedDb() });
    await db.open();
    expect(db.verno).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['audit', 'clientFiles', 'invoices', 'letters', 'outbox', 'overrunFacts', 'payments', 'portfolioChunks', 'portfolioDelta', 'portfolioMeasured', 'priceLists', 'series', 'settings', 'usage'].sort(),
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

  it('migrates a v4 database to v5: the read model rebuilt as a few documents, two unused indexes dropped', async () => {
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
    const chunks = await db.table('portfolioChunks').toArray();
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThanOrEqual(PORTFOLIO_CHUNKS);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await readPortfolio(db as ContratsDb)).sort(byId)).toEqual(summarizeClients(demo.clients, demo.contracts, demo.usage).sort(byId));
    db.close();
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
    expect(db.clientFiles.schema.indexes.map((i) => [i.name, i.multi])).toEqual([['contractIds', true]]);
    expect(await db.clientFiles.count()).toBe(demo.clients.length + 1);
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
