import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, generateDemoPortfolio, tableDigest, type EntityType, type PullResponse, type RecordChange, type ReconcileResponse, type WireRecord } from '../../src-core';
import { yearOfInvoices } from '../../src-renderer/bench/invoices';
import { createUser } from '../../src-server/auth/users';
import { loadSeries } from '../../src-server/invoices/series-store';
import { SeedError, seedRecords, type SeedTables } from '../../src-server/seed';
import { startServer, type RunningServer } from '../../src-server/server';
import { applyMutation } from '../../src-server/sync/apply-mutation';
import { apiClient } from './support/api';

// In-process (exported startServer) on in-memory storage: the bulk seed, then the real HTTP API.
describe('semis en bloc du magasin d’enregistrements (seed-demo)', () => {
  let server: RunningServer;
  let token: string;
  let userId: string;
  const demo = generateDemoPortfolio({ seed: 7, clients: 12, today: DEMO_TODAY });
  const tables = { ...demo, invoices: yearOfInvoices(demo, DEMO_TODAY) } as unknown as Record<EntityType, WireRecord[]>;
  const total = Object.values(tables).reduce((n, list) => n + list.length, 0);

  beforeAll(async () => {
    server = await startServer({ storage: { inMemory: true }, port: 0 });
    const created = await createUser(server.db, 'seeder', 'account_manager');
    token = created.token;
    userId = created.user.id;
  }, 180_000);
  afterAll(() => server?.close());

  async function pullAll(entities?: EntityType[]): Promise<RecordChange[]> {
    const api = apiClient(server.url);
    const changes: RecordChange[] = [];
    let cursor = '0';
    for (;;) {
      const { status, body } = await api.post<PullResponse>('/sync/pull', token, { cursor, limit: 37, ...(entities ? { entities } : {}) });
      expect(status).toBe(200);
      changes.push(...body.changes);
      cursor = body.nextCursor;
      if (!body.hasMore) return changes;
    }
  }

  it('sème tout en quelques transactions, relu en entier par le pull HTTP paginé, cohérent avec /sync/reconcile', async () => {
    const result = await seedRecords(server.db, userId, tables as SeedTables, { batchSize: 50 });
    expect(result.records).toBe(total);
    expect(result.lastSeq).toBe(total);
    expect(result.byEntity.invoices).toBe(tables.invoices.length);
    expect(tables.invoices.length).toBeGreaterThan(0);

    const pulled = await pullAll();
    expect(pulled).toHaveLength(total);
    // Stream order of the app: clients and contracts come before the history.
    const core = await pullAll(['clients', 'contracts', 'priceLists']);
    expect(core).toHaveLength(tables.clients.length + tables.contracts.length + tables.priceLists.length);

    const { body: reconcile } = await apiClient(server.url).get<ReconcileResponse>('/sync/reconcile', token);
    for (const [entity, list] of Object.entries(tables) as [EntityType, WireRecord[]][]) {
      const mine = pulled.filter((c) => c.entity === entity);
      expect(mine.map((c) => c.recordId).sort()).toEqual(list.map((r) => String(r.id)).sort());
      expect(mine.every((c) => c.version === 1 && !c.deleted && c.record?.version === 1)).toBe(true);
      expect(reconcile.tables[entity]).toEqual(tableDigest(mine.map((c) => ({ id: c.recordId, version: c.version }))));
    }
    // Records keep their content: a seeded client comes back as it was sent (metadata aside).
    const client = tables.clients[0]!;
    const back = pulled.find((c) => c.entity === 'clients' && c.recordId === client.id)!.record!;
    expect({ ...back, updatedAt: undefined, version: undefined }).toEqual({ ...client, updatedAt: undefined, version: undefined });

    const audit = await server.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'seed' and user_id = $1", [userId]);
    expect(audit[0]!.n).toBe(total);
    // The central series continue after the seeded invoices, as if the server had issued them.
    const last = tables.invoices.map((i) => String(i.number)).filter((n) => n.startsWith('F-2026-')).sort().at(-1)!;
    expect((await loadSeries(server.db, 'F', 2026)).lastNumber).toBe(Number(last.slice(-6)));
  });

  it('se comporte ensuite comme des créations poussées : versions de champ, séquence, conflits', async () => {
    const seeded = tables.clients[1]!;
    const [row] = await server.db.query<{ data: WireRecord; version: number; field_versions: Record<string, number>; seq: number }>(
      "select data, version, field_versions, seq from records where entity = 'clients' and id = $1",
      [seeded.id],
    );
    // The same record pushed as a creation on a fresh id gives the same field versions.
    const twin = await applyMutation(server.db, userId, 'dev-twin', {
      mutationId: randomUUID(), deviceId: 'dev-twin', entity: 'clients', recordId: 'twin-client', op: 'upsert', baseVersion: 0, changes: { ...seeded, id: 'twin-client' }, madeAt: `${DEMO_TODAY}T00:00:00Z`,
    });
    expect(twin.status).toBe('applied');
    const [twinRow] = await server.db.query<{ field_versions: Record<string, number>; version: number; seq: number }>(
      "select field_versions, version, seq from records where entity = 'clients' and id = 'twin-client'",
    );
    expect(twinRow!.version).toBe(row!.version);
    expect(twinRow!.field_versions).toEqual(row!.field_versions);
    expect(twinRow!.seq).toBe(total + 1);

    // An edit made on the seeded version applies; a second one on the same stale base conflicts.
    const edit = (legalName: string) =>
      applyMutation(server.db, userId, 'dev-a', {
        mutationId: randomUUID(), deviceId: 'dev-a', entity: 'clients', recordId: String(seeded.id), op: 'upsert', baseVersion: 1, changes: { legalName }, madeAt: `${DEMO_TODAY}T00:00:00Z`,
      });
    expect(await edit('Nom modifié SAS')).toMatchObject({ status: 'applied', version: 2 });
    expect(await edit('Autre nom SAS')).toMatchObject({ status: 'conflict' });
  });

  it('refuse de semer un enregistrement déjà présent, sans rien écrire de son type', async () => {
    const before = await server.db.query<{ n: number }>('select count(*)::int as n from records');
    await expect(seedRecords(server.db, userId, { priceLists: tables.priceLists })).rejects.toBeInstanceOf(SeedError);
    await expect(seedRecords(server.db, userId, { clients: [{ id: 'x' }] })).rejects.toBeInstanceOf(SeedError);
    expect(await server.db.query<{ n: number }>('select count(*)::int as n from records')).toEqual(before);
  });
});
