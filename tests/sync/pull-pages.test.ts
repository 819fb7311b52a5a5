import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, generateDemoPortfolio, type EntityType, type WireRecord } from '../../src-core';
import { openDataLayer, readPortfolio } from '../../src-renderer/data';
import { readCursor } from '../../src-renderer/data/sync-state';
import { createSyncEngine } from '../../src-renderer/sync/engine';
import { FIRST_PAGE_SIZE, PAGES_AHEAD } from '../../src-renderer/sync/pull-streams';
import { createUser } from '../../src-server/auth/users';
import { seedRecords } from '../../src-server/seed';
import { startServer, type RunningServer } from '../../src-server/server';

interface PullAsked {
  limit: number;
  /** Pages of the core stream committed when this one was asked for. */
  committedBefore: number;
}

// In-process server on in-memory storage, filled by the bulk seed: enough core records for full-size pages.
describe('pages d’un premier pull : une petite d’abord, puis doublées, demandées d’avance', () => {
  let server: RunningServer;
  let token: string;
  const demo = generateDemoPortfolio({ seed: 11, clients: 800, today: DEMO_TODAY });
  const core = demo.clients.length + demo.contracts.length + demo.priceLists.length;

  beforeAll(async () => {
    server = await startServer({ storage: { inMemory: true }, port: 0, rateLimitPerMinute: 100_000 });
    const created = await createUser(server.db, 'pages', 'account_manager');
    token = created.token;
    await seedRecords(server.db, created.user.id, demo as unknown as Record<EntityType, WireRecord[]>);
  }, 180_000);
  afterAll(() => server?.close());

  /** A new laptop whose engine's pull requests of the core stream are recorded; `failAt`: that request (0-based) fails once. */
  async function laptop(name: string, failAt?: number) {
    const data = await openDataLayer({ name, indexedDB: new IDBFactory(), IDBKeyRange });
    const asked: PullAsked[] = [];
    let committed = 0;
    const engine = createSyncEngine({
      dataLayer: data,
      baseUrl: server.url,
      token,
      onStatus: (status) => {
        if (status.progress?.stream === 'core') committed++;
      },
      fetch: async (input, init) => {
        const body = String(init?.body ?? '');
        if (String(input).endsWith('/sync/pull') && body.includes('"clients"')) {
          asked.push({ limit: (JSON.parse(body) as { limit: number }).limit, committedBefore: committed });
          if (asked.length - 1 === failAt) throw new TypeError('fetch failed');
        }
        return fetch(input, init);
      },
    });
    return { data, engine, asked };
  }

  it('la taille des pages croît depuis une petite première, jamais plus de PAGES_AHEAD pages d’avance', async () => {
    expect(core).toBeGreaterThan(1_600);
    const { data, engine, asked } = await laptop('croissance');
    await engine.syncNow();
    expect(asked.map((a) => a.limit)).toEqual([FIRST_PAGE_SIZE, 200, 400, 800, 1000]);
    asked.forEach((a, k) => expect(a.committedBefore).toBeGreaterThanOrEqual(k - PAGES_AHEAD));
    expect(await data.db.clients.count()).toBe(demo.clients.length);
    expect(await data.db.contracts.count()).toBe(demo.contracts.length);
    expect(await readPortfolio(data.db)).toHaveLength(demo.clients.length);
    data.db.close();
  });

  it('une page demandée d’avance qui échoue : le curseur reste à la dernière page écrite, la synchro suivante reprend de là', async () => {
    const { data, engine, asked } = await laptop('reprise', 3);
    await expect(engine.syncNow()).rejects.toMatchObject({ kind: 'network' });
    const stored = (await data.db.clients.count()) + (await data.db.contracts.count()) + (await data.db.priceLists.count());
    // Pages 1 to 3 (100 + 200 + 400 records) were written with their cursor; nothing of the failed fourth one.
    expect(stored).toBe(FIRST_PAGE_SIZE + 200 + 400);
    const cursor = await readCursor(data.db, 'core');
    expect(Number(cursor)).toBeGreaterThan(0);
    await engine.syncNow();
    expect(asked.at(3 + 1)).toMatchObject({ limit: FIRST_PAGE_SIZE });
    expect(await data.db.clients.count()).toBe(demo.clients.length);
    expect(await data.db.contracts.count()).toBe(demo.contracts.length);
    expect(await readPortfolio(data.db)).toHaveLength(demo.clients.length);
    data.db.close();
  });
});
