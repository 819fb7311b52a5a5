import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, generateDemoPortfolio, type EntityType, type PullResponse, type RecordChange, type WireRecord } from '../../src-core';
import { yearOfInvoices } from '../../src-renderer/bench/invoices';
import { createUser } from '../../src-server/auth/users';
import { seedRecords, type SeedTables } from '../../src-server/seed';
import { applyMutation } from '../../src-server/sync/apply-mutation';
import { pullChanges } from '../../src-server/sync/pull';
import type { Db } from '../../src-server/storage/db';
import { openStorage } from '../../src-server/storage/open-storage';
import { migrate } from '../../src-server/storage/migrate';
import { storageVariants, type TestStorage } from './support/storages';

/**
 * The pull's pages are written by the database (src-server/sync/pull.ts,
 * sliceOf). Read back against the records table itself — each row read by
 * the driver, its date as a JS Date — every page says what the table holds,
 * in the stream's order, within its count and its bytes.
 */
interface StoredRow {
  entity: EntityType;
  id: string;
  version: number;
  deleted: boolean;
  data: WireRecord | null;
  seq: number;
  changed_at: Date;
  changed_by: string | null;
  /** The record's bytes as the database prints it: what a page's byte cap counts. */
  bytes: number;
}

const CORE: EntityType[] = ['priceLists', 'contracts', 'clients'];
const HISTORY: EntityType[] = ['usage', 'invoices', 'payments', 'letters'];

function expected(row: StoredRow): RecordChange {
  return {
    entity: row.entity,
    recordId: row.id,
    version: row.version,
    deleted: row.deleted,
    record: row.deleted ? null : row.data,
    changedAt: row.changed_at.toISOString(),
    ...(row.changed_by === null ? {} : { changedBy: row.changed_by }),
  };
}


describe.each(storageVariants())('pages du pull écrites par la base ($name)', ({ open }) => {
  let storage: TestStorage;
  let db: Db;
  let rows: StoredRow[];

  beforeAll(async () => {
    storage = await open();
    db = await openStorage(storage.config);
    await migrate(db);
    const demo = generateDemoPortfolio({ seed: 11, clients: 9, today: DEMO_TODAY });
    const tables = { ...demo, invoices: yearOfInvoices(demo, DEMO_TODAY) } as unknown as SeedTables;
    const { user } = await createUser(db, 'pages', 'account_manager');
    await seedRecords(db, user.id, tables);
    // After the seed: a change by a laptop (changed_by set, a later sequence) and a deletion.
    const [client, gone] = tables.clients!;
    for (const [recordId, op, changes] of [
      [String(client!.id), 'upsert', { legalName: 'Nom « modifié » — \u00e9t\u00e9 \u2028 2026' }],
      [String(gone!.id), 'delete', {}],
    ] as const) {
      const [row] = await db.query<{ version: number }>("select version from records where entity = 'clients' and id = $1", [recordId]);
      const result = await applyMutation(db, user.id, 'poste-b', { mutationId: randomUUID(), deviceId: 'poste-b', entity: 'clients', recordId, op, baseVersion: row!.version, changes, madeAt: new Date().toISOString() });
      expect(result.status).toBe('applied');
    }
    // A change of no one (as the server's own writes are recorded): no changedBy on the wire.
    await db.query("update records set changed_by = null where seq = (select min(seq) from records where entity = 'invoices')");
    rows = await db.query<StoredRow>('select entity, id, version, deleted, data, seq, changed_at, changed_by, case when deleted then 0 else octet_length(data::text) end::int as bytes from records order by seq');
    expect(rows.some((r) => r.deleted)).toBe(true);
    expect(rows.some((r) => r.changed_by === null)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await storage?.dispose();
  });

  async function pages(query: { entities?: EntityType[]; order?: 'client'; limit: number }, maxBytes: number): Promise<PullResponse[]> {
    const answers: PullResponse[] = [];
    for (let cursor = '0'; ; ) {
      const page = await pullChanges(db, { cursor, ...query }, maxBytes);
      answers.push(page);
      expect(answers.length).toBeLessThan(10_000);
      if (!page.hasMore) return answers;
      cursor = page.nextCursor;
    }
  }

  /** Each page within its count and bytes: stopped at the row that reached them, never before (the last page aside). */
  function withinLimits(answers: PullResponse[], limit: number, maxBytes: number): void {
    const bytesOf = new Map(rows.map((r) => [`${r.entity}/${r.id}`, r.bytes]));
    for (const [index, page] of answers.entries()) {
      expect(page.changes.length).toBeGreaterThan(0);
      expect(page.changes.length).toBeLessThanOrEqual(limit);
      const bytes = page.changes.map((c) => bytesOf.get(`${c.entity}/${c.recordId}`)!);
      const beforeLast = bytes.slice(0, -1).reduce((a, b) => a + b, 0);
      expect(beforeLast).toBeLessThan(maxBytes);
      if (index < answers.length - 1 && page.changes.length < limit) expect(beforeLast + bytes.at(-1)!).toBeGreaterThanOrEqual(maxBytes);
    }
  }

  it.each([
    { limit: 1000, maxBytes: Number.POSITIVE_INFINITY },
    { limit: 7, maxBytes: 4 * 1024 * 1024 },
    { limit: 50, maxBytes: 6_000 },
    { limit: 1000, maxBytes: 1 },
  ])('dans l’ordre des changements, $limit au plus par page, $maxBytes octets : chaque enregistrement tel que stocké', async ({ limit, maxBytes }) => {
    const answers = await pages({ limit }, maxBytes);
    expect(answers.flatMap((p) => p.changes)).toEqual(rows.map(expected));
    withinLimits(answers, limit, maxBytes);
    expect(answers.map((p) => p.nextCursor)).toEqual(answers.map((p) => String(rows.find((r) => r.id === p.changes.at(-1)!.recordId && r.entity === p.changes.at(-1)!.entity)!.seq)));

    const history = await pages({ limit, entities: HISTORY }, maxBytes);
    expect(history.flatMap((p) => p.changes)).toEqual(rows.filter((r) => HISTORY.includes(r.entity)).map(expected));
    withinLimits(history, limit, maxBytes);
  });

  it.each([
    { limit: 1000, maxBytes: Number.POSITIVE_INFINITY },
    { limit: 5, maxBytes: 4 * 1024 * 1024 },
    { limit: 40, maxBytes: 3_000 },
    { limit: 1000, maxBytes: 1 },
  ])('groupé par client depuis le début, $limit au plus par page, $maxBytes octets : entité par entité, chaque client d’un tenant, puis ce qui a changé', async ({ limit, maxBytes }) => {
    for (const entities of [CORE, HISTORY]) {
      const answers = await pages({ limit, entities, order: 'client' }, maxBytes);
      withinLimits(answers, limit, maxBytes);
      const changes = answers.flatMap((p) => p.changes);
      // Every record of the stream, in its latest state, the snapshot first in grouped order.
      const stored = rows.filter((r) => entities.includes(r.entity));
      const latest = new Map(changes.map((c) => [`${c.entity}/${c.recordId}`, c]));
      expect([...latest.values()].sort(byKey)).toEqual(stored.map(expected).sort(byKey));
      // The snapshot: its pages carry grouped cursors, up to the one that hands over to the order of changes with a sequence.
      const handover = answers.findIndex((p) => !p.nextCursor.startsWith('g'));
      if (stored.length > limit) expect(handover).toBeGreaterThan(0);
      const snapshot = answers.slice(0, handover + 1).flatMap((p) => p.changes);
      expect(new Set(snapshot.map((c) => `${c.entity}/${c.recordId}`)).size).toBe(snapshot.length);
      // Entity by entity in the filter's order, and each client's records of an entity in one run.
      const entityOrder = snapshot.map((c) => entities.indexOf(c.entity));
      expect(entityOrder).toEqual([...entityOrder].sort((a, b) => a - b));
      const runs = snapshot.map((c) => `${c.entity}/${String((c.record as { clientId?: string } | null)?.clientId ?? '')}`).filter((key, i, all) => i === 0 || all[i - 1] !== key);
      expect(new Set(runs).size).toBe(runs.length);
    }
  });
});

const byKey = (a: RecordChange, b: RecordChange) => (`${a.entity}/${a.recordId}` < `${b.entity}/${b.recordId}` ? -1 : 1);
