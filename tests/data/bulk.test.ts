import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../src-core';
import { bulkLoad, createDatabase, loadDemoPortfolio, openDataLayer } from '../../src-renderer/data';
import { SYNC_KEYS } from '../../src-renderer/data/sync-state';
import { ACTOR, CLIENT_INPUT, counts, freshIndexedDb } from './helpers';

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
});
