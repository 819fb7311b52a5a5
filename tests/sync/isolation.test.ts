import { describe, expect, it } from 'vitest';
import type { InvoiceInput } from '../../src-core';
import { listSetAside, retrySetAside } from '../../src-renderer/data/sync-state';
import { SyncError } from '../../src-renderer/sync/sync-error';
import { storageVariants } from '../server/support/storages';
import { centralServerSuite } from './support/suite';
import { expectConverged, serverRecords } from './support/invariants';
import { ACTOR, clientInput, draftInput } from './support/records';

/**
 * A laptop never freezes (issue 21): whatever change the server cannot take
 * is isolated and set aside with its reason, the rest of the outbox and the
 * pull go on; a push too large for the server is split until it lands.
 */
describe.each(storageVariants())('$name : un poste ne reste jamais bloqué', { timeout: 120_000 }, ({ open }) => {
  const suite = centralServerSuite(open);
  const laptop = suite.laptop;

  it('un texte mal formé (demi-émoji) dans l’outbox est mis de côté avec une raison en français ; le reste part et le pull continue', async () => {
    const a = await laptop('demi-emoji');
    const b = await laptop('demi-emoji-autre');
    const fromB = await b.data.commands.clients.create(clientInput('Créé sur l’autre poste'), ACTOR);
    await b.engine.syncNow();

    const first = await a.data.commands.clients.create(clientInput('Avant le demi-émoji'), ACTOR);
    // As an older version could have queued it, bypassing the form: a lone high surrogate (half of 😀).
    const badId = crypto.randomUUID();
    const at = new Date().toISOString();
    const bad = { ...clientInput('Café \ud83d'), id: badId, createdAt: at, updatedAt: at, version: 0 };
    await a.data.db.outbox.add({ mutationId: crypto.randomUUID(), deviceId: a.data.ctx.deviceId, entity: 'clients', recordId: badId, op: 'upsert', baseVersion: 0, changes: bad, madeAt: at });
    const last = await a.data.commands.clients.create(clientInput('Après le demi-émoji'), ACTOR);
    // Sent to the server as is (JSON escapes it as \ud83d), it is refused with a 400 in French, and nothing is stored.
    const [queued] = (await a.data.repos.outbox.pending(10)).filter((m) => m.recordId === badId).map(({ seq: _seq, ...m }) => m);
    const raw = await fetch(new URL('/sync/push', suite.server.url()), {
      method: 'POST',
      headers: { authorization: `Bearer ${suite.server.tokens.alice}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: a.data.ctx.deviceId, mutations: [queued] }),
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { message: string }).message).toMatch(/caractère invalide.*changes\.legalName/);

    const result = await a.engine.syncNow();
    expect(result.pushed).toEqual({ applied: 2, conflicts: 0, rejected: 1 });
    const [setAside] = await listSetAside(a.data.ctx);
    expect(setAside?.mutation.recordId).toBe(badId);
    expect(setAside?.reason).toMatch(/mal formé/);
    expect(setAside?.reason).not.toMatch(/Invalid|expected|Error/);
    expect(await a.data.repos.outbox.count()).toBe(0);
    // The pull went on: the other laptop's client is here; ours are on the suite.server.
    expect((await a.data.db.clients.get(fromB.id))?.legalName).toBe('Créé sur l’autre poste');
    const onServer = await serverRecords(suite.server);
    expect(onServer.get(`clients/${first.id}`)?.version).toBe(1);
    expect(onServer.get(`clients/${last.id}`)?.version).toBe(1);
    expect(onServer.has(`clients/${badId}`)).toBe(false);
    // And the next syncs are clean.
    expect((await a.engine.syncNow()).pushed).toEqual({ applied: 0, conflicts: 0, rejected: 0 });
    await expectConverged(suite.server, [a, b]);
  });

  it('une modification sur laquelle le serveur échoue à chaque envoi (500) est isolée et mise de côté ; un serveur qui échoue sur tout ne met rien de côté', async () => {
    const a = await laptop('erreur-500', { engine: { batchSize: 8 } });
    const b = await laptop('erreur-500-autre');
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await a.data.commands.clients.create(clientInput(i === 6 ? 'Panne SARL' : `Client 500 n° ${i}`), ACTOR)).id);
    const fromB = await b.data.commands.clients.create(clientInput('Pendant la panne'), ACTOR);
    await b.engine.syncNow();

    // First the server fails on every push: the failure is reported, nothing is set aside, the pull goes on.
    a.transport.failPushesContaining('"mutations"');
    const failure = await a.engine.syncNow().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncError);
    expect((failure as SyncError).kind).toBe('server');
    expect((failure as SyncError).retryable).toBe(true);
    expect(await listSetAside(a.data.ctx)).toEqual([]);
    expect(await a.data.repos.outbox.count()).toBe(10);
    expect((await a.data.db.clients.get(fromB.id))?.legalName).toBe('Pendant la panne');

    // Then it fails only on one change, every time: that one is set aside, the nine others land.
    a.transport.failPushesContaining('Panne SARL');
    const result = await a.engine.syncNow();
    expect(result.pushed).toEqual({ applied: 9, conflicts: 0, rejected: 1 });
    const [setAside] = await listSetAside(a.data.ctx);
    expect(setAside?.mutation.recordId).toBe(ids[6]);
    expect(setAside?.reason).toMatch(/Le serveur échoue \(HTTP 500\) à chaque envoi de cette modification/);
    expect(await a.data.repos.outbox.count()).toBe(0);
    const onServer = await serverRecords(suite.server);
    expect(ids.filter((id) => onServer.has(`clients/${id}`))).toEqual(ids.filter((_, i) => i !== 6));

    // The server mended, the account manager sends it again from the Synchronisation screen: it lands.
    a.transport.failPushesContaining(null);
    expect(await retrySetAside(a.data.ctx, setAside!.mutation.mutationId)).toBe(true);
    expect(await listSetAside(a.data.ctx)).toEqual([]);
    expect((await a.engine.syncNow()).pushed).toEqual({ applied: 1, conflicts: 0, rejected: 0 });
    expect((await serverRecords(suite.server)).get(`clients/${ids[6]}`)?.record?.legalName).toBe('Panne SARL');
    await expectConverged(suite.server, [a, b]);
  });

  it('un envoi trop volumineux pour le serveur (413 ou connexion coupée) est coupé en lots plus petits et arrive', async () => {
    // No byte budget of its own: the batch goes as one request, well over the server's 5 Mio.
    const a = await laptop('trop-gros', { engine: { pushByteBudget: 1e9 } });
    const client = await a.data.commands.clients.create(clientInput('Volumineux SA'), ACTOR);
    await a.engine.syncNow();
    const pushesBefore = a.transport.delivered.get('/sync/push') ?? 0;
    const drafts: string[] = [];
    for (let i = 0; i < 30; i++) drafts.push((await a.data.commands.invoices.createDraft(largeDraft(client.id, i), ACTOR)).id);
    const bytes = JSON.stringify(await a.data.repos.outbox.pending(1000)).length;
    expect(bytes).toBeGreaterThan(5 * 1024 * 1024);

    const result = await a.engine.syncNow();
    expect(result.pushed).toEqual({ applied: 30, conflicts: 0, rejected: 0 });
    // The whole batch was refused (413) or cut, then its halves landed.
    expect((a.transport.delivered.get('/sync/push') ?? 0) - pushesBefore).toBeGreaterThanOrEqual(3);
    const onServer = await serverRecords(suite.server);
    expect(drafts.map((id) => onServer.get(`invoices/${id}`)?.version)).toEqual(drafts.map(() => 1));
    await expectConverged(suite.server, [a]);
  });
});

/** A draft of 600 long lines (≈ 230 kB as JSON): 30 of them weigh more than a push may. */
function largeDraft(clientId: string, n: number): InvoiceInput {
  const lines = Array.from({ length: 600 }, (_, i) => ({
    label: `Ligne ${n}-${i} : ${'hébergement et sauvegarde '.repeat(11)}`.slice(0, 290),
    quantity: 1,
    unitPriceCents: 100,
    netCents: 100,
    vatRatePercent: 20,
  }));
  return {
    ...draftInput(clientId, '2027-01-31'),
    lines,
    totals: { netCents: 60_000, vatCents: 12_000, totalCents: 72_000, byRate: [{ ratePercent: 20, baseCents: 60_000, vatCents: 12_000 }] },
  } as InvoiceInput;
}
