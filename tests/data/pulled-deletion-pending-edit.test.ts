import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio, type Client, type EntityType, type WireRecord } from '../../src-core';
import { bulkLoad } from '../../src-renderer/data';
import { changeTransaction, writeChanges, type Change } from '../../src-renderer/data/change';
import { readOutbox } from '../../src-renderer/data/outbox';
import { commitPulledPage, readCursor } from '../../src-renderer/data/sync-state';
import { ACTOR, expectDigestsTrue, openTestData } from './helpers';

// Found by the digests' property test (record-digests.test.ts, seed -1511749401): a page deleting a
// record the laptop had edited, its edit still waiting, wrote the edit's fields alone as the record
// (a client row without id) and the whole page failed with a DataError, on every sync after.
describe('a pulled deletion of a record edited here, the edit not yet pushed', () => {
  it('commits the page, keeps the record whole with the edit and the edit waiting', async () => {
    const client = generateDemoPortfolio({ seed: 11, clients: 2 }).clients[0]! as Client;
    const { db, ctx } = await openTestData();
    await bulkLoad(db, 'clients', [{ ...client, version: 3 }] as never[]);
    await changeTransaction(ctx, ['clients'], async () => {
      const before = (await db.records('clients').get(client.id)) as WireRecord;
      await writeChanges(ctx, [{ entity: 'clients', before, after: { ...before, legalName: 'Nouveau nom SARL' }, actor: ACTOR, action: 'update', summary: 'Raison sociale' } as Change<EntityType>]);
    });

    await commitPulledPage(db, 'core', { changes: [{ entity: 'clients', recordId: client.id, version: 4, deleted: true, record: null, changedAt: '2026-11-27T10:00:00Z' }], nextCursor: '7' });

    expect(await readCursor(db, 'core')).toBe('7');
    const shown = (await db.records('clients').get(client.id)) as Client | undefined;
    expect(shown).toMatchObject({ id: client.id, legalName: 'Nouveau nom SARL', siren: client.siren, country: client.country, version: 4 });
    const waiting = await readOutbox(db);
    expect(waiting.map((m) => [m.recordId, m.baseVersion, m.changes])).toEqual([[client.id, 3, { legalName: 'Nouveau nom SARL' }]]);
    await expectDigestsTrue(db);
  });
});
