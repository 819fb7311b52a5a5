import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, generateDemoPortfolio, type EntityType, type WireRecord } from '../../src-core';
import { openDataLayer, readPortfolio } from '../../src-renderer/data';
import { readCursor } from '../../src-renderer/data/sync-state';
import { createSyncEngine } from '../../src-renderer/sync/engine';
import { inlinePageReader, workerPageReader, type PageReader } from '../../src-renderer/sync/page-reader';
import { firstPageSize, PAGES_AHEAD } from '../../src-renderer/sync/pull-streams';
import { MAX_PULL_LIMIT } from '../../src-core';
import { createUser } from '../../src-server/auth/users';
import { seedRecords } from '../../src-server/seed';
import { startServer, type RunningServer } from '../../src-server/server';
import { loopbackWorker, type LoopbackWorker } from './support/loopback-worker';

interface PullAsked {
  limit: number;
  cursor: string;
  /** Pages of the stream reported (committed, or for the core stream of a first pull: received) when this one was asked for. */
  reportedBefore: number;
  /** Client files stored when this one was asked for. */
  filesBefore: number;
  /** The stream's stored cursor when this one was asked for. */
  storedCursor: string;
}

type Stream = 'core' | 'history';
/** Both readers of the engine: the one of Node (no Worker) and the worker's protocol (its code run by loopbackWorker). */
const workers: LoopbackWorker[] = [];
const READERS: { name: string; reader: () => PageReader; viaWorker: boolean }[] = [
  { name: 'pages lues sur place', reader: inlinePageReader, viaWorker: false },
  { name: 'pages lues par le worker', reader: () => workerPageReader(() => workers[workers.push(loopbackWorker()) - 1]!, 1), viaWorker: true },
];
/** The engine's pages in these tests: the largest a server allows (MAX_PULL_LIMIT) would hold the whole core stream of 800 clients in one page. */
const PAGE = 1000;
/** The history's first page with these pages (a quarter of one), then doubled. */
const FIRST = firstPageSize(PAGE);
const streamOf = (body: string): Stream => (body.includes('"clients"') ? 'core' : 'history');
// In-process server on in-memory storage, filled by the bulk seed: enough core records for full-size pages.
// A whole first pull of 800 clients per test: seconds on a loaded machine, beyond vitest's 5 s default.
describe('pages d’un premier pull : pleines pour le flux principal, une petite d’abord puis doublées pour l’historique, demandées d’avance', { timeout: 60_000 }, () => {
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

  describe.each(READERS)('$name', ({ reader, viaWorker }) => {
    /** A new laptop whose engine's pull requests are recorded per stream; `fail`: that request (0-based) of that stream fails once. */
    async function laptop(name: string, fail?: { stream: Stream; at: number }, pageSize: number | null = PAGE) {
      const data = await openDataLayer({ name, indexedDB: new IDBFactory(), IDBKeyRange });
      const asked: Record<Stream, PullAsked[]> = { core: [], history: [] };
      const reported: Record<Stream, number> = { core: 0, history: 0 };
      /** Each stream's progress as reported: changes received, then committed. */
      const progress: Record<Stream, { received: number; committed: number }[]> = { core: [], history: [] };
      const encodings = new Set<string | null>();
      const engine = createSyncEngine({
        dataLayer: data,
        baseUrl: server.url,
        token,
        pageReader: reader,
        ...(pageSize === null ? {} : { pageSize }),
        onStatus: (status) => {
          if (status.progress) reported[status.progress.stream]++;
          if (status.progress) progress[status.progress.stream].push({ received: status.progress.received, committed: status.progress.committed });
        },
        fetch: async (input, init) => {
          const body = String(init?.body ?? '');
          if (String(input).endsWith('/sync/pull')) {
            const stream = streamOf(body);
            const { limit, cursor } = JSON.parse(body) as { limit: number; cursor: string };
            asked[stream].push({ limit, cursor, reportedBefore: reported[stream], filesBefore: await data.db.clientRows.count(), storedCursor: await readCursor(data.db, stream) });
            if (fail?.stream === stream && asked[stream].length - 1 === fail.at) throw new TypeError('fetch failed');
          }
          const response = await fetch(input, init);
          if (String(input).endsWith('/sync/pull')) encodings.add(response.headers.get('content-encoding'));
          return response;
        },
      });
      return { data, engine, asked, encodings, progress };
    }

    // The demo's history is its usage documents (one per contract).
    const history = () => demo.usage.length;

    it('le flux principal en pages pleines écrit ses fiches client pendant qu’arrivent les suivantes ; l’historique croît depuis une petite page, écrit page par page, jamais plus de PAGES_AHEAD pages d’avance', async () => {
      expect(core).toBeGreaterThan(1_600);
      expect(FIRST).toBe(250);
      expect(history()).toBeGreaterThan(FIRST + 2 * FIRST);
      const { data, engine, asked, encodings, progress } = await laptop('croissance');
      await engine.syncNow();
      // Progress tells what is written apart from what is received: the core stream's contracts wait for their clients' page.
      expect(progress.core[0]!.received).toBe(PAGE);
      expect(progress.core[0]!.committed).toBeLessThan(PAGE);
      expect(progress.core.at(-1)).toEqual({ received: core, committed: core });
      expect(progress.history.at(-1)).toEqual({ received: history(), committed: history() });
      for (const stream of ['core', 'history'] as const) {
        expect(progress[stream].every((p, k, all) => p.committed <= p.received && (k === 0 || (p.committed >= all[k - 1]!.committed && p.received >= all[k - 1]!.received)))).toBe(true);
      }
      // The pages travelled compressed (Node 20's fetch asks for gzip, Chromium's for brotli too) and were decoded on arrival.
      const compressed = [...encodings].filter((e) => e !== null);
      expect(compressed).toHaveLength(1);
      expect(['br', 'gzip']).toContain(compressed[0]);
      const read = workers.reduce((n, w) => n + w.received, 0);
      expect(read).toBe(viaWorker ? asked.core.length + asked.history.length : 0);
      // Its first pages are held until their clients come: a small one would have written nothing sooner.
      expect(asked.core.map((a) => a.limit)).toEqual([PAGE, PAGE]);
      // The core snapshot (contracts first, then clients, src-core sync/pull.ts) keeps the stored cursor at its start until its end.
      expect(asked.core.every((a) => a.storedCursor === '0')).toBe(true);
      expect(asked.core.slice(1).every((a) => /^g\d+\./.test(a.cursor))).toBe(true);
      expect(asked.core.map((a) => a.filesBefore)).toEqual([...asked.core.map((a) => a.filesBefore)].sort((a, b) => a - b));
      expect(await readCursor(data.db, 'core')).toMatch(/^\d+$/);
      expect(asked.history.map((a) => a.limit)).toEqual([FIRST, 2 * FIRST, PAGE]);
      asked.history.forEach((a, k) => expect(a.reportedBefore).toBeGreaterThanOrEqual(k - PAGES_AHEAD));
      expect(await data.db.clients.count()).toBe(demo.clients.length);
      expect(await data.db.contracts.count()).toBe(demo.contracts.length);
      expect(await data.db.clientRows.count()).toBe(demo.clients.length);
      expect(await data.db.usage.count()).toBe(demo.usage.length);
      expect(await readPortfolio(data.db)).toHaveLength(demo.clients.length);
      data.db.close();
    });

    it('une page du flux principal qui échoue : les fiches déjà écrites restent, le curseur au début, la synchro suivante reprend le flux du début et le complète', async () => {
      // The second page (the last: the core's records are fewer than two full pages) fails: the first, with clients too, is written.
      expect(core).toBeGreaterThan(PAGE);
      expect(core).toBeLessThanOrEqual(2 * PAGE);
      const { data, engine, asked } = await laptop('reprise-principal', { stream: 'core', at: 1 });
      await expect(engine.syncNow()).rejects.toMatchObject({ kind: 'network' });
      const written = await data.db.clientRows.count();
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(demo.clients.length);
      // Each written client has its contracts: they were held until their client's page.
      const rows = await data.db.clientRows.toArray();
      for (const row of rows) expect(row.contracts.length).toBe(demo.contracts.filter((c) => c.clientId === row.id).length);
      expect(await readCursor(data.db, 'core')).toBe('0');
      await engine.syncNow();
      expect(asked.core.at(1 + 1)).toMatchObject({ limit: PAGE, cursor: '0' });
      expect(await data.db.clients.count()).toBe(demo.clients.length);
      expect(await data.db.contracts.count()).toBe(demo.contracts.length);
      expect(await data.db.clientRows.count()).toBe(demo.clients.length);
      expect(await readPortfolio(data.db)).toHaveLength(demo.clients.length);
      data.db.close();
    });

    it('sans taille donnée, le moteur demande les plus grandes pages que le serveur accepte (MAX_PULL_LIMIT), et le serveur les sert', async () => {
      expect(core).toBeLessThan(MAX_PULL_LIMIT);
      const { data, engine, asked } = await laptop('grandes-pages', undefined, null);
      await engine.syncNow();
      // The whole core stream in one full page; the history starts at a quarter of one (all of it here).
      expect(asked.core.map((a) => a.limit)).toEqual([MAX_PULL_LIMIT]);
      expect(history()).toBeLessThan(MAX_PULL_LIMIT / 4);
      expect(asked.history.map((a) => a.limit)).toEqual([MAX_PULL_LIMIT / 4]);
      expect(await data.db.clientRows.count()).toBe(demo.clients.length);
      expect(await data.db.usage.count()).toBe(history());
      data.db.close();
    });

    it('une page d’historique demandée d’avance qui échoue : le curseur reste à la dernière page écrite, la synchro suivante reprend de là', async () => {
      const { data, engine, asked } = await laptop('reprise-historique', { stream: 'history', at: 2 });
      await expect(engine.syncNow()).rejects.toMatchObject({ kind: 'network' });
      const stored = await data.db.usage.count();
      // Pages 1 and 2 (250 + 500 records) were written with their cursor; nothing of the failed third one.
      expect(stored).toBe(FIRST + 2 * FIRST);
      // From its start the history is grouped by client: its cursors say where the snapshot stands (src-core sync/pull.ts).
      const cursor = await readCursor(data.db, 'history');
      expect(cursor).toMatch(/^g\d+\./);
      expect(await data.db.clients.count()).toBe(demo.clients.length);
      await engine.syncNow();
      expect(asked.history.at(2 + 1)).toMatchObject({ limit: FIRST, cursor });
      expect(await data.db.usage.count()).toBe(history());
      expect(await readPortfolio(data.db)).toHaveLength(demo.clients.length);
      data.db.close();
    });
  });
});
