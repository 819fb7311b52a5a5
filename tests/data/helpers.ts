import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDataContext, createDatabase, createRepositories, readPortfolio, type ContratsDb } from '../../src-renderer/data';

/** A fresh in-memory IndexedDB per test: no state leaks between tests. */
export function freshIndexedDb() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

let counter = 0;
/** Repositories on a new database, with a fixed clock and predictable UUIDs. */
export async function openTestData(): Promise<{ db: ContratsDb; repos: ReturnType<typeof createRepositories>; ctx: ReturnType<typeof createDataContext> }> {
  const db = createDatabase({ name: 'test', ...freshIndexedDb() });
  await db.open();
  const ctx = createDataContext(db, 'device-test', {
    now: () => '2026-11-27T10:00:00+01:00',
    newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  });
  return { db, ctx, repos: createRepositories(ctx) };
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
