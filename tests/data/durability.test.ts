import { IDBDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commitPulledPage } from '../../src-renderer/data/sync-state';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';

/** Durability of every read-write IndexedDB transaction opened, with its scope. */
function watchTransactions() {
  const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
  return () =>
    spy.mock.results
      .map((result) => result.value as IDBTransaction)
      .filter((tx) => tx.mode === 'readwrite')
      .map((tx) => ({ stores: [...tx.objectStoreNames], durability: tx.durability }));
}

afterEach(() => vi.restoreAllMocks());

describe('durability per transaction', () => {
  it('flushes a local change (record, audit, outbox) to disk; a pulled page with its cursor is relaxed', async () => {
    const transactions = watchTransactions();
    const { db, commands } = await openTestData();
    const client = await commands.clients.create(CLIENT_INPUT, ACTOR);
    const local = transactions().filter((t) => t.stores.includes('outbox') && t.stores.includes('clientFiles'));
    expect(local.length).toBeGreaterThan(0);
    expect(local.every((t) => t.durability === 'strict' && t.stores.includes('audit'))).toBe(true);

    const before = transactions().length;
    const record = { ...(await db.clients.get(client.id))!, legalName: 'Renommé sur le serveur', version: 2 };
    await commitPulledPage(db, 'core', { changes: [{ entity: 'clients', recordId: client.id, version: 2, deleted: false, record, changedAt: '2026-11-27T10:00:00Z' }], nextCursor: '7' });
    const pulled = transactions().slice(before);
    expect(pulled).toHaveLength(1);
    expect(pulled[0]).toMatchObject({ durability: 'relaxed' });
    expect(pulled[0]!.stores).not.toContain('audit');
  });
});
