import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, generateDemoPortfolio, type EntityType, type WireRecord } from '../../src-core';
import { openDataLayer } from '../../src-renderer/data';
import { bookKeyOf } from '../../src-renderer/data/invoice-books';
import { readCursor } from '../../src-renderer/data/sync-state';
import { yearOfInvoices } from '../../src-renderer/bench/invoices';
import { createSyncEngine } from '../../src-renderer/sync/engine';
import { FIRST_PAGE_SIZE, firstPageSize } from '../../src-renderer/sync/pull-streams';
import { createUser } from '../../src-server/auth/users';
import { seedRecords } from '../../src-server/seed';
import { startServer, type RunningServer } from '../../src-server/server';

/**
 * Issue 20: on a new laptop, history pages carrying invoices (a client's year
 * of them is one row, data/invoice-books.ts) are held and committed together,
 * not page by page; a cut before their batch ends stores none of them, and the
 * next sync pulls them again from the last committed cursor.
 */
describe('premier pull : les factures écrites par lots dans leurs livres', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let token: string;
  const demo = generateDemoPortfolio({ seed: 20, clients: 150, today: DEMO_TODAY });
  const invoices = yearOfInvoices(demo, DEMO_TODAY);

  beforeAll(async () => {
    server = await startServer({ storage: { inMemory: true }, port: 0, rateLimitPerMinute: 100_000 });
    const created = await createUser(server.db, 'livres', 'account_manager');
    token = created.token;
    await seedRecords(server.db, created.user.id, { ...demo, invoices } as unknown as Record<EntityType, WireRecord[]>);
  }, 180_000);
  afterAll(() => server?.close());

  it('une coupure au milieu des factures n’en écrit aucune ; la synchro suivante les écrit toutes, un livre par client et par année', async () => {
    // The server sends usage before invoices: the first history page (100 usage documents) is committed alone.
    // Pages of 400 at most: the history begins with one of 100 (firstPageSize), then doubles.
    const pageSize = 400;
    expect(firstPageSize(pageSize)).toBe(FIRST_PAGE_SIZE);
    expect(demo.usage.length).toBeGreaterThan(FIRST_PAGE_SIZE);
    expect(demo.usage.length).toBeLessThan(FIRST_PAGE_SIZE + 200);
    const data = await openDataLayer({ name: 'livres', indexedDB: new IDBFactory(), IDBKeyRange });
    let historyAsked = 0;
    let cut = true;
    const engine = createSyncEngine({
      dataLayer: data,
      baseUrl: server.url,
      token,
      pageSize,
      fetch: async (input, init) => {
        const body = String(init?.body ?? '');
        // The fourth history request fails once: pages 2 and 3 (usage, then invoices) are in hand, not committed.
        if (String(input).endsWith('/sync/pull') && !body.includes('"clients"') && ++historyAsked === 4 && cut) {
          cut = false;
          throw new TypeError('fetch failed');
        }
        return fetch(input, init);
      },
    });
    await expect(engine.syncNow()).rejects.toMatchObject({ kind: 'network' });
    expect(await data.db.usage.count()).toBe(FIRST_PAGE_SIZE);
    expect(await data.db.invoices.count()).toBe(0);
    expect(await readCursor(data.db, 'history')).toMatch(/^g\d+\./);

    await engine.syncNow();
    expect(await data.db.usage.count()).toBe(demo.usage.length);
    expect(await data.db.invoices.count()).toBe(invoices.length);
    expect(await data.db.invoiceBooks.count()).toBe(new Set(invoices.map((i) => bookKeyOf(i).join('/'))).size);
    const sample = invoices.filter((_, k) => k % 97 === 0);
    expect(await data.db.invoices.bulkGet(sample.map((i) => i.id))).toEqual(sample.map((i) => expect.objectContaining({ id: i.id, number: i.number, totals: i.totals })));
    data.db.close();
  });

  it('un lot plein dont la page suivante est la dernière du flux est écrit avec elle ; si elle ne vient pas, le lot est écrit et la synchro suivante reprend après lui', async () => {
    const page = 100;
    const history = demo.usage.length + invoices.length;
    const pages = Math.ceil(history / page);
    // The first page (usage) is committed alone; from the second on, pages are held: the batch is full on the page before the last.
    const batch = page * (pages - 2);
    const sync = async (name: string, failLast: boolean) => {
      const data = await openDataLayer({ name, indexedDB: new IDBFactory(), IDBKeyRange });
      const committed: number[] = [];
      let historyAsked = 0;
      const engine = createSyncEngine({
        dataLayer: data,
        baseUrl: server.url,
        token,
        pageSize: page,
        historyBatch: batch,
        onStatus: ({ progress }) => {
          if (progress?.stream === 'history' && progress.committed > 0 && progress.committed !== committed.at(-1)) committed.push(progress.committed);
        },
        fetch: async (input, init) => {
          const body = String(init?.body ?? '');
          if (String(input).endsWith('/sync/pull') && !body.includes('"clients"') && ++historyAsked === pages && failLast) throw new TypeError('fetch failed');
          return fetch(input, init);
        },
      });
      return { data, engine, committed };
    };

    const whole = await sync('lot-et-derniere-page', false);
    await whole.engine.syncNow();
    // Two commits: the first page, then the batch with the last page — not the batch, then the last page alone.
    expect(whole.committed).toEqual([page, history]);
    expect(await whole.data.db.invoices.count()).toBe(invoices.length);
    whole.data.db.close();

    const cut = await sync('lot-sans-derniere-page', true);
    await expect(cut.engine.syncNow()).rejects.toMatchObject({ kind: 'network' });
    expect(cut.committed).toEqual([page, page + batch]);
    expect(await cut.data.db.usage.count() + (await cut.data.db.invoices.count())).toBe(page + batch);
    const again = createSyncEngine({ dataLayer: cut.data, baseUrl: server.url, token, pageSize: page, historyBatch: batch });
    await again.syncNow();
    expect(await cut.data.db.invoices.count()).toBe(invoices.length);
    expect(await cut.data.db.usage.count()).toBe(demo.usage.length);
    cut.data.db.close();
  });
});
