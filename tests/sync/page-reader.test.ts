import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, DEMO_TODAY, generateDemoPortfolio, type EntityType, type WireRecord } from '../../src-core';
import { createApiTransport } from '../../src-renderer/sync/api-client';
import { inlinePageReader, pageReader, workerPageReader, type PageReader } from '../../src-renderer/sync/page-reader';
import { createUser } from '../../src-server/auth/users';
import { seedRecords } from '../../src-server/seed';
import { startServer, type RunningServer } from '../../src-server/server';
import { loopbackWorker, type LoopbackWorker } from './support/loopback-worker';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).buffer as ArrayBuffer;

// Pages as the real server sends them (in-process, in-memory storage, over HTTP), read by each reader.
describe('lecture des pages tirées : sur place ou dans un worker', { timeout: 60_000 }, () => {
  let server: RunningServer;
  let page: ArrayBuffer;
  const demo = generateDemoPortfolio({ seed: 3, clients: 40, today: DEMO_TODAY });

  beforeAll(async () => {
    server = await startServer({ storage: { inMemory: true }, port: 0 });
    const { user, token } = await createUser(server.db, 'lecture', 'account_manager');
    await seedRecords(server.db, user.id, demo as unknown as Record<EntityType, WireRecord[]>);
    page = await createApiTransport({ baseUrl: server.url, token }).send(API_ROUTES.pull, { cursor: '0', limit: 50, entities: ['clients', 'contracts'] });
  }, 180_000);
  afterAll(() => server?.close());

  const readers: { name: string; reader: () => { reader: PageReader; worker?: LoopbackWorker } }[] = [
    { name: 'sur place', reader: () => ({ reader: inlinePageReader() }) },
    {
      name: 'worker',
      reader: () => {
        const worker = loopbackWorker();
        return { reader: workerPageReader(() => worker, 1), worker };
      },
    },
  ];

  describe.each(readers)('lecteur $name', ({ reader: make }) => {
    it('la tête (curseur suivant) d’abord, puis la page dont chaque enregistrement a passé son schéma', async () => {
      const { reader, worker } = make();
      const order: string[] = [];
      const reading = reader.read(page.slice(0));
      const head = reading.head.then((h) => (order.push('head'), h));
      const read = reading.page.then((p) => (order.push('page'), p));
      const [h, p] = await Promise.all([head, read]);
      expect(order).toEqual(['head', 'page']);
      expect(h).toEqual({ nextCursor: p.nextCursor, hasMore: true });
      expect(p.validated).toBe(true);
      expect(p.changes).toHaveLength(50);
      expect(p.changes.map((c) => c.recordId)).toEqual([...demo.clients, ...demo.contracts].slice(0, 50).map((c) => c.id));
      if (worker) expect(worker.received).toBe(1);
      reader.close();
    });

    it('un enregistrement que son schéma refuse : la page échoue avec la raison en français, sa tête est donnée quand même', async () => {
      const { reader } = make();
      const client = { ...demo.clients[0]!, version: 1, siret: '123' } as WireRecord;
      const bad = { changes: [{ entity: 'clients', recordId: client.id, version: 1, deleted: false, record: client, changedAt: '2026-11-27T10:00:00Z' }], nextCursor: '9', hasMore: false };
      const reading = reader.read(encode(bad));
      await expect(reading.head).resolves.toEqual({ nextCursor: '9', hasMore: false });
      await expect(reading.page).rejects.toThrow(/Saisie refusée \(Client\)/);
      reader.close();
    });

    it('une réponse qui n’est pas une page : erreur « réponse inattendue », à réessayer', async () => {
      const { reader } = make();
      // The route's schema checks only that a record is an object (its entity's schema checks the rest): an array, a text or a number is not.
      const change = { entity: 'clients', recordId: 'c-1', version: 1, deleted: false, changedAt: '2026-11-27T10:00:00Z' };
      const notObjects = [[], 'texte', 42].map((record) => encode({ changes: [{ ...change, record }], nextCursor: '9', hasMore: false }));
      for (const bytes of [new TextEncoder().encode('{"changes": [').buffer as ArrayBuffer, encode({ changes: [], hasMore: false }), ...notObjects]) {
        const reading = reader.read(bytes);
        await expect(reading.head).rejects.toMatchObject({ kind: 'badAnswer', retryable: true });
        await expect(reading.page).rejects.toMatchObject({ kind: 'badAnswer' });
      }
      reader.close();
    });
  });

  it('les petites pages restent sur place, sans démarrer de worker', async () => {
    let started = 0;
    const reader = workerPageReader(() => (started++, loopbackWorker()), page.byteLength + 1);
    expect((await reader.read(page.slice(0)).page).changes).toHaveLength(50);
    expect(started).toBe(0);
    // A stream pulled from its start warms the worker before its large pages arrive.
    reader.warm();
    reader.warm();
    expect(started).toBe(1);
    reader.close();
  });

  it('un worker qui ne se charge pas : les pages qu’il tenait et les suivantes sont lues sur place', async () => {
    const worker = loopbackWorker({ failToLoad: true });
    let started = 0;
    const reader = workerPageReader(() => (started++, worker), 1);
    const first = reader.read(page.slice(0));
    const second = reader.read(page.slice(0));
    expect((await first.page).changes).toHaveLength(50);
    expect((await second.page).changes).toHaveLength(50);
    expect((await reader.read(page.slice(0)).page).changes).toHaveLength(50);
    expect(worker.received).toBe(2);
    expect(worker.terminated).toBe(true);
    expect(started).toBe(1);
    reader.close();
  });

  it('fermé en cours de lecture : les pages en route échouent (la synchro suivante reprend du dernier curseur écrit)', async () => {
    const worker = loopbackWorker();
    const reader = workerPageReader(() => worker, 1);
    const reading = reader.read(page.slice(0));
    reader.close();
    await expect(reading.page).rejects.toMatchObject({ kind: 'network' });
    expect(worker.terminated).toBe(true);
  });

  it('sans Worker (Node), le lecteur de l’application lit sur place', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const reader = pageReader();
    expect((await reader.read(page.slice(0)).page).changes).toHaveLength(50);
    reader.close();
  });
});
