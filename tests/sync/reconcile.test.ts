import { describe, expect, it } from 'vitest';
import { digestsOf, ENTITY_TYPES, type EntityType } from '../../src-core';
import { loadDemoPortfolio } from '../../src-renderer/data';
import { readDigests } from '../../src-renderer/data/sync-state';
import { applyRecordWrites, FROM_SERVER, writeScope } from '../../src-renderer/data/writes/gateway';
import { readDigests as readServerDigests } from '../../src-server/sync/record-digests';
import { storageVariants } from '../server/support/storages';
import { expectDigestsTrue } from '../data/helpers';
import { centralServerSuite } from './support/suite';
import { ACTOR, clientInput } from './support/records';

describe.each(storageVariants())('$name : contrôle de cohérence par empreintes de compartiments', { timeout: 60_000 }, ({ open }) => {
  const suite = centralServerSuite(open);

  it('trouve un enregistrement changé sur le serveur dans le dos du poste, et un enregistrement perdu sur le poste', async () => {
    const a = await suite.laptop('a');
    const b = await suite.laptop('b');
    await loadDemoPortfolio(a.data.db, { seed: 9, clients: 15, today: '2026-03-01' });
    // The standalone portfolio goes to the empty server first (uploaded), then a client made afterwards (pushed).
    expect((await a.engine.syncNow()).reconcile?.same).toBe(true);
    const client = await a.data.commands.clients.create(clientInput('Cohérence GmbH'), ACTOR);
    const first = await a.engine.syncNow();
    expect(first.pushed.applied).toBe(1);
    expect(first.reconcile?.same).toBe(true);
    // After the upload and the push answers, the digests are those of the stored records.
    await expectDigestsTrue(a.data.db);
    await b.engine.syncNow();
    await expectDigestsTrue(b.data.db);

    // B changes the client; A checks before pulling: the server holds version 2, A version 1.
    await b.data.commands.clients.update(client.id, { legalName: 'Cohérence GmbH (modifié)' }, ACTOR);
    await b.engine.syncNow();
    const changed = await a.engine.check();
    expect(changed.same).toBe(false);
    expect(changed.tables.clients).toMatchObject({ same: false, complete: true, records: [{ id: client.id, local: 1, server: 2 }] });
    expect(ENTITY_TYPES.filter((e) => !changed.tables[e].same)).toEqual(['clients']);

    // A loses a contract without a mutation (no outbox entry: nothing will send it again).
    const contract = (await a.data.db.contracts.toArray())[0]!;
    await a.data.db.transaction('rw', writeScope(a.data.db, ['contracts'], FROM_SERVER), () =>
      applyRecordWrites(a.data.db, [{ entity: 'contracts', before: contract, after: null }], FROM_SERVER),
    );
    // A sync pulls the client's new version; the lost contract did not change on the server, so it stays missing.
    const after = (await a.engine.syncNow()).reconcile ?? (await a.engine.check());
    expect(after.same).toBe(false);
    expect(after.tables.clients.same).toBe(true);
    expect(after.tables.contracts).toMatchObject({ same: false, complete: true, records: [{ id: contract.id, local: null, server: contract.version }] });
    expect(after.tables.contracts.local.count).toBe(after.tables.contracts.server.count - 1);
  });

  it('garde sur le serveur des empreintes égales à un recalcul depuis ses enregistrements', async () => {
    const laptops = suite.laptops;
    expect(laptops.length).toBeGreaterThan(0);
    const local = await readDigests(laptops[0]!.data.db);
    const { stored, records } = await suite.server.stopAndInspect(async (db) => ({
      stored: await readServerDigests(db),
      records: await db.query<{ entity: EntityType; id: string; version: number }>('select entity, id, version from records where not deleted'),
    }));
    for (const entity of ENTITY_TYPES) expect(stored.get(entity), entity).toEqual(digestsOf(records.filter((r) => r.entity === entity)));
    // The laptop differs by the one contract it lost, nowhere else.
    expect(ENTITY_TYPES.filter((e) => JSON.stringify(stored.get(e)) !== JSON.stringify(local.get(e)))).toEqual(['contracts']);
  });
});
