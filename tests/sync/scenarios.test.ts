import { describe, expect, it } from 'vitest';
import { loadDemoPortfolio } from '../../src-renderer/data';
import { listConflicts, listSetAside, resolveConflict } from '../../src-renderer/data/sync-state';
import { SyncError } from '../../src-renderer/sync/sync-error';
import { storageVariants } from '../server/support/storages';
import { SERVER_TIMEOUT } from './support/central-server';
import { centralServerSuite } from './support/suite';
import { expectAppliedOnce, expectConverged, serverDigest, serverRecords } from './support/invariants';
import { syncUntilClean, type Laptop } from './support/laptop';
import { ACTOR, clientInput, queuedIds } from './support/records';

describe.each(storageVariants())('$name : synchronisation avec le vrai serveur', { timeout: 60_000 }, ({ open }) => {
  const suite = centralServerSuite(open);
  const laptop = suite.laptop;
  const mutationIds = new Set<string>();
  const remember = async (l: Laptop) => (await queuedIds(l)).forEach((id) => mutationIds.add(id));

  it('un poste autonome avec un portefeuille envoie tout au serveur vide', async () => {
    const standalone = await laptop('autonome');
    const loaded = await loadDemoPortfolio(standalone.data.db, { seed: 7, clients: 12, today: '2026-03-01' });
    const result = await standalone.engine.syncNow();
    expect(result.uploaded).toBeGreaterThanOrEqual(loaded.clients + loaded.contracts);
    expect(result.reconcile?.same).toBe(true);
    const digest = await serverDigest(suite.server);
    expect(digest.tables.clients.count).toBe(loaded.clients);
    expect(digest.tables.contracts.count).toBe(loaded.contracts);
    // A second laptop signing in receives the portfolio, and uploads nothing (the server is no longer empty).
    const second = await laptop('second');
    const again = await second.engine.syncNow();
    expect(again.uploaded).toBe(0);
    expect(await second.data.db.clients.count()).toBe(loaded.clients);
    await expectConverged(suite.server, [standalone, second]);
  });

  it('deux postes : champs différents fusionnés, même champ en conflit résolu par une personne', async () => {
    const a = await laptop('a');
    const b = await laptop('b');
    const client = await a.data.commands.clients.create(clientInput('Acme GmbH'), ACTOR);
    await remember(a);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.data.commands.clients.update(client.id, { hostingMode: 'self_hosted' }, ACTOR);
    await b.data.commands.clients.update(client.id, { contact: { name: 'Bernd', email: 'bernd@acme.de', phone: '+49 30 7654321' } }, ACTOR);
    await Promise.all([remember(a), remember(b)]);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    const merged = await a.data.db.clients.get(client.id);
    expect(merged).toMatchObject({ hostingMode: 'self_hosted', contact: { name: 'Bernd' } });

    await a.data.commands.clients.update(client.id, { legalName: 'Acme (A)' }, ACTOR);
    await b.data.commands.clients.update(client.id, { legalName: 'Acme (B)' }, ACTOR);
    await Promise.all([remember(a), remember(b)]);
    await a.engine.syncNow();
    const answered = await b.engine.syncNow();
    expect(answered.pushed.conflicts).toBe(1);
    const [conflict] = await listConflicts(b.data.ctx);
    expect(conflict?.conflicts).toEqual([{ field: 'legalName', serverValue: 'Acme (A)', clientValue: 'Acme (B)' }]);
    // Nothing silently overwritten: B now shows the server's value until a person decides.
    expect((await b.data.db.clients.get(client.id))?.legalName).toBe('Acme (A)');
    await resolveConflict(b.data.ctx, conflict!.mutation.mutationId, 'mine', ACTOR);
    await remember(b);
    await b.engine.syncNow();
    expect(await listConflicts(b.data.ctx)).toEqual([]);
    await expectConverged(suite.server, [a, b]);
    expect((await a.data.db.clients.get(client.id))?.legalName).toBe('Acme (B)');
  });

  it('un champ facultatif vidé sur un poste (partenaire, n° de TVA) est vidé sur le serveur et sur l’autre poste', async () => {
    const a = await laptop('vider-a');
    const b = await laptop('vider-b');
    const client = await a.data.commands.clients.create(
      { ...clientInput('Vider GmbH'), vatNumber: 'DE123456789', partner: { name: 'Partenaire Est', email: 'est@partenaire.fr', phone: '03 83 12 34 56' } },
      ACTOR,
    );
    await remember(a);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await b.data.db.clients.get(client.id)).toMatchObject({ vatNumber: 'DE123456789', partner: { name: 'Partenaire Est' } });

    await a.data.commands.clients.update(client.id, { partner: undefined, vatNumber: undefined }, ACTOR);
    await remember(a);
    const pushed = await a.engine.syncNow();
    expect(pushed.pushed).toEqual({ applied: 1, conflicts: 0, rejected: 0 });
    expect(await listSetAside(a.data.ctx)).toEqual([]);
    const onServer = (await serverRecords(suite.server)).get(`clients/${client.id}`)!;
    expect(onServer.version).toBe(2);
    expect(onServer.record).not.toHaveProperty('partner');
    expect(onServer.record).not.toHaveProperty('vatNumber');
    await b.engine.syncNow();
    const seen = await b.data.db.clients.get(client.id);
    expect(seen?.version).toBe(2);
    expect(seen?.partner).toBeUndefined();
    expect(seen?.vatNumber).toBeUndefined();
    expect(seen?.legalName).toBe('Vider GmbH');
    await expectConverged(suite.server, [a, b]);
  });

  it('coupures, réponse perdue, doublons, livraisons désordonnées, 500 et délais : rien de perdu ni appliqué deux fois', async () => {
    const a = await laptop('pannes', { engine: { batchSize: 5 } });
    for (let i = 0; i < 23; i++) await a.data.commands.clients.create(clientInput(`Client ${i}`), ACTOR);
    const [first] = await a.data.db.clients.toArray();
    await a.data.commands.clients.update(first!.id, { hostingMode: 'self_hosted' }, ACTOR);
    await remember(a);
    a.transport.plan(['loseAnswer', 'cut', 'duplicate', 'replayLater', 'error500', 'hang', 'loseAnswer'], '/sync/push');
    a.transport.plan(['error500', 'loseAnswer'], '/sync/pull');
    await syncUntilClean(a, 20);
    expect(a.transport.delivered.get('/sync/push')).toBeGreaterThan(6);
    const records = await serverRecords(suite.server);
    const ours = [...records.values()].filter((c) => c.entity === 'clients' && String(c.record?.legalName).startsWith('Client '));
    expect(ours).toHaveLength(23);
    // Each creation is version 1, the edited one version 2: a create applied twice would show more.
    expect(ours.map((c) => c.version).sort()).toEqual([...Array(22).fill(1), 2]);
    await expectConverged(suite.server, [a]);
  }, 60_000);

  it('redémarrage du serveur pendant une synchronisation', async () => {
    const a = await laptop('redemarrage', { engine: { batchSize: 3 } });
    for (let i = 0; i < 12; i++) await a.data.commands.clients.create(clientInput(`Redémarrage ${i}`), ACTOR);
    await remember(a);
    const interrupted = a.engine.syncNow().catch((error: unknown) => error);
    await suite.server.restart();
    const outcome = await interrupted;
    if (outcome instanceof SyncError) expect(outcome.retryable).toBe(true);
    await syncUntilClean(a);
    await expectConverged(suite.server, [a]);
  }, SERVER_TIMEOUT);

  it('une mutation refusée est mise de côté avec sa raison sans bloquer la file ; un corps malformé ne stocke rien', async () => {
    const a = await laptop('refus');
    const before = await serverDigest(suite.server);
    const malformed = await fetch(new URL('/sync/push', suite.server.url()), {
      method: 'POST',
      headers: { authorization: `Bearer ${suite.server.tokens.alice}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: 'x', mutations: [{ mutationId: 'pas-un-uuid', entity: 'clients', op: 'upsert', changes: { __proto__: 1 } }] }),
    });
    expect(malformed.status).toBe(400);
    expect(await serverDigest(suite.server)).toEqual(before);

    const good = await a.data.commands.clients.create(clientInput('Valide SARL'), ACTOR);
    // A change the server refuses for good: a French client without SIREN (written as an old app version could have).
    const bad = { ...good, id: crypto.randomUUID(), country: 'FR', billingAddress: { lines: ['1 rue'], postalCode: '75001', city: 'Paris' } };
    await a.data.db.outbox.add({ mutationId: crypto.randomUUID(), deviceId: a.data.ctx.deviceId, entity: 'clients', recordId: bad.id, op: 'upsert', baseVersion: 0, changes: bad, madeAt: new Date().toISOString() });
    const after = await a.data.commands.clients.create(clientInput('Après le refus'), ACTOR);
    await remember(a);
    const result = await a.engine.syncNow();
    expect(result.pushed).toEqual({ applied: 2, conflicts: 0, rejected: 1 });
    const [setAside] = await listSetAside(a.data.ctx);
    expect(setAside?.mutation.recordId).toBe(bad.id);
    expect(setAside?.reason).toMatch(/SIREN/);
    expect((await a.data.db.clients.get(after.id))?.version).toBe(1);
    await expectConverged(suite.server, [a]);
  });

  it('un jeton d’un autre rôle est refusé, en français, sans nouvel essai automatique ni perte', async () => {
    const ingest = await laptop('ingest', { token: suite.server.tokens.ingest });
    await ingest.data.commands.clients.create(clientInput('Jamais envoyé'), ACTOR);
    const error = await ingest.engine.syncNow().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).kind).toBe('forbidden');
    expect((error as SyncError).message).toMatch(/[Dd]roit|rôle|autoris/);
    expect((error as SyncError).retryable).toBe(false);
    expect(await ingest.data.repos.outbox.count()).toBe(1);
    const stranger = await laptop('inconnu', { token: 'ctr_faux' });
    expect(((await stranger.engine.syncNow().catch((e: unknown) => e)) as SyncError).kind).toBe('unauthorized');
    suite.close(ingest);
    suite.close(stranger);
  });

  it('horloges des postes en avance et en retard : l’ordre est celui du serveur', async () => {
    const ahead = await laptop('en-avance', { clockSkewMs: 36 * 3600_000 });
    const behind = await laptop('en-retard', { clockSkewMs: -36 * 3600_000 });
    const client = await ahead.data.commands.clients.create(clientInput('Horloges SA'), ACTOR);
    await ahead.engine.syncNow();
    await behind.engine.syncNow();
    await ahead.data.commands.clients.update(client.id, { legalName: 'Horloges (avance)' }, ACTOR);
    await ahead.engine.syncNow();
    await behind.engine.syncNow();
    // Made "36 h earlier" by its clock, but on the latest version: the server applies it last.
    await behind.data.commands.clients.update(client.id, { legalName: 'Horloges (retard)' }, ACTOR);
    await Promise.all([remember(ahead), remember(behind)]);
    await behind.engine.syncNow();
    await expectConverged(suite.server, [ahead, behind]);
    const stored = await ahead.data.db.clients.get(client.id);
    expect(stored?.legalName).toBe('Horloges (retard)');
    // Timestamps are the server's, whatever the laptops' clocks said.
    expect(Math.abs(Date.parse(stored!.updatedAt) - Date.now())).toBeLessThan(10 * 60_000);
  });

  it('chaque mutation reçue une seule fois dans le stockage du serveur', async () => {
    await expectAppliedOnce(suite.server, mutationIds);
  }, SERVER_TIMEOUT);
});
