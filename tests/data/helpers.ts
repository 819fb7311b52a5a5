import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect } from 'vitest';
import { digestsOf, ENTITY_TYPES } from '../../src-core';
import { readDigests } from '../../src-renderer/data/sync-state';
import { createCommands, createDataContext, createDatabase, createRepositories, readPortfolio, type ContratsDb } from '../../src-renderer/data';

/** A fresh in-memory IndexedDB per test: no state leaks between tests. */
export function freshIndexedDb() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

let counter = 0;
/** The test clock's instant: 27/11/2026 at 10:00 in Paris unless a test moves it. */
export const TEST_NOW = '2026-11-27T10:00:00+01:00';

/**
 * Repositories and commands on a new database, with a clock fixed at `TEST_NOW` and predictable UUIDs.
 * `setToday('2026-10-01')` moves the clock to 10:00 (Paris, winter offset) of that day, e.g. to
 * issue an invoice on a past day and read it back later; `setToday()` goes back to `TEST_NOW`.
 */
export async function openTestData(): Promise<{
  db: ContratsDb;
  repos: ReturnType<typeof createRepositories>;
  commands: ReturnType<typeof createCommands>;
  ctx: ReturnType<typeof createDataContext>;
  setToday: (date?: string) => void;
}> {
  const db = createDatabase({ name: 'test', ...freshIndexedDb() });
  await db.open();
  let now = TEST_NOW;
  const setToday = (date?: string) => {
    now = date ? `${date}T10:00:00+01:00` : TEST_NOW;
  };
  const ctx = createDataContext(db, 'device-test', {
    now: () => now,
    newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  });
  return { db, ctx, repos: createRepositories(ctx), commands: createCommands(ctx), setToday };
}

export const ACTOR = 'camille@dokos.io';

export const CLIENT_INPUT = {
  legalName: 'Boulangerie Martin SARL',
  siren: '732829320',
  vatNumber: 'FR44732829320',
  country: 'FR',
  billingAddress: { lines: ['12 rue Saint-Dizier'], postalCode: '54000', city: 'Nancy' },
  contact: { name: 'Camille Martin', email: 'camille@martin.fr', phone: '03 83 12 34 56' },
  hostingMode: 'cloud' as const,
};

/** Row counts of every table, to prove that a refused change wrote nothing. */
export async function counts(db: ContratsDb): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
}

/** One client's summary, as the screens read it (the whole read model). */
export async function readSummary(db: ContratsDb, clientId: string) {
  return (await readPortfolio(db)).find((row) => row.id === clientId);
}

/** The reconciliation digests computed from scratch from every stored record: what the write gateway's must equal. */
export async function recomputedDigests(db: ContratsDb) {
  return new Map(
    await Promise.all(
      ENTITY_TYPES.map(async (entity) => {
        const records = (await db.records(entity).toArray()) as { id: string; version: number }[];
        return [entity, digestsOf(records.map((r) => ({ id: r.id, version: r.version })))] as const;
      }),
    ),
  );
}

export async function expectDigestsTrue(db: ContratsDb) {
  expect(await readDigests(db)).toEqual(await recomputedDigests(db));
}
