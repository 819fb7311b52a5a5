import { expect } from 'vitest';
import { pullResponseSchema, reconcileResponseSchema, type RecordChange } from '../../../src-core';
import type { CentralServer } from './central-server';
import type { Laptop } from './laptop';
import { syncUntilClean } from './laptop';

/** Everything the server holds (live and deleted), read over HTTP like a laptop would. */
export async function serverRecords(server: CentralServer): Promise<Map<string, RecordChange>> {
  const records = new Map<string, RecordChange>();
  let cursor = '0';
  for (;;) {
    const response = await fetch(new URL('/sync/pull', server.url()), {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.alice}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cursor, limit: 1000 }),
    });
    const page = pullResponseSchema.parse(await response.json());
    for (const change of page.changes) records.set(`${change.entity}/${change.recordId}`, change);
    cursor = page.nextCursor;
    if (!page.hasMore) return records;
  }
}

export async function serverDigest(server: CentralServer) {
  const response = await fetch(new URL('/sync/reconcile', server.url()), { headers: { authorization: `Bearer ${server.tokens.alice}` } });
  return reconcileResponseSchema.parse(await response.json());
}

/**
 * After every scenario: each laptop, once synced with nothing in its outbox,
 * holds exactly the server's records (reconciliation: count + hash of
 * id:version per table), and the records' contents match field for field.
 */
export async function expectConverged(server: CentralServer, laptops: readonly Laptop[]): Promise<void> {
  for (const laptop of laptops) {
    laptop.transport.setOnline(true);
    await syncUntilClean(laptop);
  }
  // A second round: what the last laptop pushed reaches the first ones.
  for (const laptop of laptops) await syncUntilClean(laptop);
  const records = await serverRecords(server);
  for (const laptop of laptops) {
    expect(await laptop.data.repos.outbox.count(), `${laptop.name}: outbox vide`).toBe(0);
    const report = await laptop.engine.check();
    expect(report.same, `${laptop.name}: ${JSON.stringify(report.tables)}`).toBe(true);
    for (const change of records.values()) {
      const local = await laptop.data.db.records(change.entity).get(change.recordId);
      expect(local ?? null, `${laptop.name}: ${change.entity}/${change.recordId}`).toEqual(change.deleted ? null : change.record);
    }
  }
}

/**
 * Exactly once, checked in the server's own storage (this stops the server): no mutation id was
 * applied (written to the audit trail) more than once, and every mutation the
 * laptops were told was applied is recorded there.
 */
export async function expectAppliedOnce(server: CentralServer, appliedIds: ReadonlySet<string>): Promise<void> {
  const { twice, stored } = await server.stopAndInspect(async (db) => ({
    twice: await db.query<{ mutation_id: string; n: number }>(
      'select mutation_id, count(*)::int as n from audit_log where mutation_id is not null group by mutation_id having count(*) > 1',
    ),
    stored: await db.query<{ mutation_id: string }>('select mutation_id from mutations'),
  }));
  expect(twice).toEqual([]);
  const known = new Set(stored.map((r) => r.mutation_id));
  expect([...appliedIds].filter((id) => !known.has(id))).toEqual([]);
}
