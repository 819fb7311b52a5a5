import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyMigrations, dexieOptions } from '../../src-renderer/data/db';
import { createDatabase, MIGRATIONS } from '../../src-renderer/data';
import { freshIndexedDb } from './helpers';

describe('local database schema', () => {
  it('opens at the latest version with every table', async () => {
    const db = createDatabase({ name: 'schema', ...freshIndexedDb() });
    await db.open();
    expect(db.verno).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['audit', 'clients', 'contracts', 'invoices', 'letters', 'outbox', 'payments', 'portfolio', 'priceLists', 'series', 'settings', 'usage'].sort(),
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

  it('migrates a v3 database to v4: portfolio rows kept and readable by legal name', async () => {
    const idb = freshIndexedDb();
    const old = new Dexie('to-v4', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 3));
    await old.open();
    await old.table('portfolio').bulkPut([
      { id: 'c1', legalName: 'Zéphyr SAS' },
      { id: 'c2', legalName: 'Alpha SARL' },
      { id: 'c3', legalName: 'Martin et fils' },
    ]);
    old.close();

    const db = createDatabase({ name: 'to-v4', ...idb });
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.portfolio.count()).toBe(3);
    const head = await db.portfolio.orderBy('legalName').limit(2).toArray();
    expect(head.map((r) => r.id)).toEqual(['c2', 'c3']);
    db.close();
  });
});
