import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio, type EntityType } from '../../src-core';
import { bulkLoad, bulkLoadRecords, createDatabase, loadDemoPortfolio, openDataLayer, type ContratsDb } from '../../src-renderer/data';
import { readPortfolio } from '../../src-renderer/data/read-model';
import { SYNC_KEYS } from '../../src-renderer/data/sync-state';
import { applyRecordWrites, FROM_SERVER, writeScope, type RecordWrite } from '../../src-renderer/data/writes/gateway';
import { yearOfInvoices } from '../../src-renderer/bench/invoices';
import { ACTOR, CLIENT_INPUT, counts, expectDigestsTrue, freshIndexedDb } from './helpers';

/** Requests that read rows of `tables`, and the puts of each row (by key), as IndexedDB receives them. */
function countRequests(db: ContratsDb, tables: readonly string[]) {
  const reads = new Map<string, number>();
  const puts = new Map<string, number>();
  const counter: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'countRequests',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!tables.includes(name)) return table;
        const read = () => reads.set(name, (reads.get(name) ?? 0) + 1);
        return {
          ...table,
          get: (req) => (read(), table.get(req)),
          getMany: (req) => (read(), table.getMany(req)),
          query: (req) => (read(), table.query(req)),
          openCursor: (req) => (read(), table.openCursor(req)),
          mutate: (req) => {
            if (req.type === 'put') for (const value of req.values as { id?: string; clientId?: string; year?: string }[]) {
              const key = `${name}/${value.year ? `${value.clientId}/${value.year}` : value.id}`;
              puts.set(key, (puts.get(key) ?? 0) + 1);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(counter);
  return { reads, puts };
}

describe('bulk loaders', () => {
  it('loads the demo portfolio in chunks, with progress, and no outbox or audit entries', async () => {
    const db = createDatabase({ name: 'demo', ...freshIndexedDb() });
    const progress: string[] = [];
    const loaded = await loadDemoPortfolio(db, { seed: 42, clients: 300, chunkSize: 100, onProgress: ({ entity, written, total }) => progress.push(`${entity} ${written}/${total}`) });
    const expected = generateDemoPortfolio({ seed: 42, clients: 300 });
    expect(loaded).toEqual({ clients: 300, contracts: expected.contracts.length, usage: expected.usage.length });
    expect(progress.slice(0, 4)).toEqual(['priceLists 1/1', 'clients 100/300', 'clients 200/300', 'clients 300/300']);
    expect(await db.clients.get('demo-client-00001')).toEqual(expected.clients[0]);
    expect(await db.usage.get(expected.contracts[0]!.id)).toEqual(expected.usage[0]);
    const c = await counts(db);
    expect(c).toMatchObject({ outbox: 0, audit: 0, priceLists: 1 });
    expect((await db.contracts.toArray()).filter((c) => c.status === 'notice_received').length).toBeGreaterThan(0);
  });

  it('replace empties the tables first; without it, records are merged by id', async () => {
    const layer = await openDataLayer({ name: 'replace', ...freshIndexedDb() });
    await layer.commands.clients.create(CLIENT_INPUT, ACTOR);
    await loadDemoPortfolio(layer.db, { seed: 1, clients: 20 });
    expect(await layer.db.clients.count()).toBe(21);
    await loadDemoPortfolio(layer.db, { seed: 1, clients: 10, replace: true });
    expect(await layer.db.clients.count()).toBe(10);
    expect(await layer.db.outbox.count()).toBe(0);
    // The device id survives: the sync bookkeeping is not portfolio data.
    expect((await layer.db.syncState.get(SYNC_KEYS.deviceId))?.value).toBe(layer.ctx.deviceId);
  });

  it('validates records from the server before writing any of them', async () => {
    const db = createDatabase({ name: 'server', ...freshIndexedDb() });
    const { clients } = generateDemoPortfolio({ seed: 2, clients: 5 });
    const bad = { ...clients[3]!, siren: '123456789' };
    await expect(bulkLoad(db, 'clients', [...clients.slice(0, 3), bad])).rejects.toThrow(/Saisie refusée \(Client\).*SIREN/);
    expect(await db.clients.count()).toBe(0);
    await expect(bulkLoad(db, 'clients', clients)).resolves.toBe(5);
  });

  it('loads a whole portfolio into an empty laptop without reading a record, each client row and book written once', async () => {
    const db = createDatabase({ name: 'whole', ...freshIndexedDb() });
    const demo = generateDemoPortfolio({ seed: 7, clients: 50 });
    const invoices = yearOfInvoices(demo, '2026-11-27');
    const { reads, puts } = countRequests(db, ['clientFiles', 'usage', 'invoiceBooks']);
    const progress: string[] = [];
    const records = { ...demo, invoices };
    const loaded = await bulkLoadRecords(db, records, { chunkSize: 20, onProgress: ({ entity, written, total }) => progress.push(`${entity} ${written}/${total}`) });
    expect(loaded).toBe(Object.values(records).reduce((n, list) => n + list.length, 0));
    // Clients with their contracts, told in clients, the first steps of the load smaller (the price list 1 of at most 2, then
    // 5, 10, 20 clients); invoices in documents, a client's never split.
    expect(progress.filter((p) => p.startsWith('clients'))).toEqual(['clients 5/50', 'clients 15/50', 'clients 35/50', 'clients 50/50']);
    expect(progress.at(-1)).toBe(`invoices ${invoices.length}/${invoices.length}`);
    // Nothing is read: not before a write, nor for the read model (the overrun rows are judged against the invoices in hand).
    expect(Object.fromEntries(reads)).toEqual({});
    expect([...puts.values()].every((n) => n === 1)).toBe(true);
    expect([...puts.keys()].filter((k) => k.startsWith('clientFiles/')).length).toBe(50);
    expect(await db.contracts.toArray()).toEqual(expect.arrayContaining(demo.contracts));
    expect(await db.invoices.count()).toBe(invoices.length);
    expect((await counts(db)).outbox).toBe(0);
    await expectDigestsTrue(db);
  });

  it('stores the digests, invoiced months and read model that the same records written step by step through the gateway leave', async () => {
    const demo = generateDemoPortfolio({ seed: 9, clients: 40 });
    const records = { ...demo, invoices: yearOfInvoices(demo, '2026-11-27') };
    const bulk = createDatabase({ name: 'bulk-whole', ...freshIndexedDb() });
    await bulkLoadRecords(bulk, records, { chunkSize: 15 });
    // The reference: steps of 15 records in transactions of their own, each followed as a pulled page is (stored `before` read, read model kept).
    const stepwise = createDatabase({ name: 'stepwise', ...freshIndexedDb() });
    for (const entity of ['priceLists', 'clients', 'contracts', 'usage', 'invoices'] as const satisfies readonly EntityType[]) {
      const list: readonly object[] = records[entity];
      for (let start = 0; start < list.length; start += 15) {
        const writes = list.slice(start, start + 15).map((after) => ({ entity, after }) as RecordWrite);
        await stepwise.transaction('rw', writeScope(stepwise, [entity], FROM_SERVER), () => applyRecordWrites(stepwise, writes, FROM_SERVER));
      }
    }
    const derived = async (db: ContratsDb) => ({
      digests: await db.digests.toArray(),
      invoicedMonths: await db.invoicedMonths.toArray(),
      portfolio: (await readPortfolio(db)).sort((a, b) => a.id.localeCompare(b.id)),
      overrunFacts: await db.overrunFacts.toArray(),
      measured: await db.portfolioMeasured.toArray(),
    });
    const expected = await derived(stepwise);
    expect(expected.invoicedMonths.length).toBeGreaterThan(0);
    expect(expected.overrunFacts.length).toBeGreaterThan(0);
    expect(await derived(bulk)).toEqual(expected);
    await expectDigestsTrue(bulk);
  });

  it('a refused record in a late step writes nothing at all: one transaction', async () => {
    const db = createDatabase({ name: 'refused', ...freshIndexedDb() });
    const demo = generateDemoPortfolio({ seed: 8, clients: 30 });
    const invoices = yearOfInvoices(demo, '2026-11-27');
    const bad = { ...invoices.at(-1)!, dueDate: '31/12/2026' };
    await expect(bulkLoadRecords(db, { ...demo, invoices: [...invoices.slice(0, -1), bad] }, { chunkSize: 10 })).rejects.toThrow(/31\/12\/2026/);
    const c = await counts(db);
    expect([c.clientFiles, c.usage, c.invoiceBooks, c.priceLists, c.digests, c.portfolioChunks]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
