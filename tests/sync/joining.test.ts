import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoPortfolio } from '../../src-renderer/data';
import { confirmJoin, discardSetAside, listSetAside, readJoinReview, recordKey, retrySetAside } from '../../src-renderer/data/sync-state';
import { storageVariants } from '../server/support/storages';
import { SERVER_TIMEOUT, startCentralServer, type CentralServer } from './support/central-server';
import { expectConverged, serverDigest, serverRecords } from './support/invariants';
import { openLaptop, type Laptop } from './support/laptop';

const ALICE = 'Alice Martin (alice)';
const BOB = 'Bruno Petit (bob)';

// Issue 17, "Joining and recovering": a laptop with its own data meets a server that already has some.
describe.each(storageVariants())('$name : un poste avec ses données rejoint un serveur non vide', { timeout: 120_000 }, ({ open }) => {
  let server: CentralServer;
  let a: Laptop;
  let b: Laptop;
  let ids: string[];

  beforeAll(async () => {
    server = await startCentralServer(open);
    a = await openLaptop('rejoindre-a', () => server.url(), { token: server.tokens.alice });
    b = await openLaptop('rejoindre-b', () => server.url(), { token: server.tokens.bob });
  }, SERVER_TIMEOUT);

  afterAll(async () => {
    a?.close();
    b?.close();
    await server?.dispose();
  }, SERVER_TIMEOUT);

  it('ce qui manque au serveur est listé, ce qui diffère montré côte à côte ; rien ne part ni n’est remplacé avant confirmation', async () => {
    // A fills the server (which was empty: everything goes up), then edits two clients there.
    await loadDemoPortfolio(a.data.db, { seed: 7, clients: 4, today: '2026-03-01' });
    expect((await a.engine.syncNow()).uploaded).toBeGreaterThan(0);
    ids = (await a.data.db.clients.toArray()).map((c) => c.id).sort();
    const original = (await a.data.db.clients.get(ids[0]!))!.legalName;
    await a.data.commands.clients.update(ids[0]!, { legalName: 'Modifié sur le poste A' }, ALICE);
    await a.data.commands.clients.update(ids[1]!, { legalName: 'Aussi modifié sur A' }, ALICE);
    await a.engine.syncNow();

    // B worked standalone on the same portfolio plus two clients of its own.
    const loaded = await loadDemoPortfolio(b.data.db, { seed: 7, clients: 6, today: '2026-03-01' });
    const first = await b.engine.syncNow();
    expect(first.uploaded).toBe(0);
    expect((await serverDigest(server)).tables.clients.count).toBe(4);

    const review = (await readJoinReview(b.data.ctx))!;
    const missing = review.missing.map((m) => recordKey(m.entity, m.id)).sort();
    const bOnly = (await b.data.db.clients.toArray()).map((c) => c.id).filter((id) => !ids.includes(id));
    expect(bOnly).toHaveLength(2);
    for (const id of bOnly) expect(missing).toContain(`clients/${id}`);
    expect(review.missing.length).toBe(loaded.clients + loaded.contracts + loaded.usage - 4 * 3);
    expect(review.conflicts.map((c) => [c.entity, c.id, c.fields])).toEqual([
      ['clients', ids[0], ['legalName']],
      ['clients', ids[1], ['legalName']],
    ]);
    const [mine] = review.conflicts;
    expect([mine!.local.legalName, mine!.server?.legalName]).toEqual([original, 'Modifié sur le poste A']);

    // Another sync before the person decides sends nothing.
    expect((await b.engine.syncNow()).pushed.applied).toBe(0);
    expect((await serverDigest(server)).tables.clients.count).toBe(4);

    // Confirmed: B's own records go up; for the first conflict B sends its version, for the second keeps the server's.
    const queued = await confirmJoin(b.data.ctx, new Set([recordKey('clients', ids[0]!)]), BOB);
    expect(queued).toBe(review.missing.length + 1);
    expect(await readJoinReview(b.data.ctx)).toBeUndefined();
    await b.engine.syncNow();
    const onServer = await serverRecords(server);
    expect(onServer.get(`clients/${ids[0]}`)?.record?.legalName).toBe(original);
    expect(onServer.get(`clients/${ids[1]}`)?.record?.legalName).toBe('Aussi modifié sur A');
    for (const id of bOnly) expect(onServer.get(`clients/${id}`)?.record).toBeDefined();

    const audit = await b.data.repos.audit.recent(50);
    expect(audit.find((e) => e.action === 'join_keep_local')).toMatchObject({ recordId: ids[0], actor: BOB, fields: ['legalName'] });
    expect(audit.find((e) => e.action === 'join_keep_server')).toMatchObject({ recordId: ids[1], actor: BOB, fields: ['legalName'] });
    await expectConverged(server, [a, b]);
  });

  it('une modification refusée se corrige puis se renvoie, ou s’abandonne avec une raison inscrite au journal', async () => {
    const priceListId = (await a.data.db.priceLists.toArray())[0]!.id;
    const contract = (reference: string) => ({ clientId: ids[2]!, reference, tier: 'T99' as const, priceListId, startDate: '2026-03-16' });
    // Both laptops offline from each other: A records the reference first, B's copy is refused by the server.
    await a.data.commands.contracts.create(contract('CT-REJOINT-1'), ALICE);
    await a.data.commands.contracts.create(contract('CT-REJOINT-3'), ALICE);
    await a.engine.syncNow();
    const refused = await b.data.commands.contracts.create(contract('CT-REJOINT-1'), BOB);
    const abandoned = await b.data.commands.contracts.create(contract('CT-REJOINT-3'), BOB);
    const result = await b.engine.syncNow();
    expect(result.pushed.rejected).toBe(2);
    const setAside = await listSetAside(b.data.ctx);
    expect(setAside.map((s) => s.mutation.recordId).sort()).toEqual([refused.id, abandoned.id].sort());

    // Corrected (a new reference), then sent again: the correction travels in the same mutation, nothing else is refused.
    await b.data.commands.contracts.update(refused.id, { reference: 'CT-REJOINT-2' }, BOB);
    const toRetry = setAside.find((s) => s.mutation.recordId === refused.id)!;
    expect(await retrySetAside(b.data.ctx, toRetry.mutation.mutationId)).toBe(true);
    const pending = await b.data.repos.outbox.pending(10);
    expect(pending.filter((m) => m.recordId === refused.id)).toHaveLength(1);
    const retried = await b.engine.syncNow();
    expect(retried.pushed).toMatchObject({ applied: 1, rejected: 0 });
    expect((await serverRecords(server)).get(`contracts/${refused.id}`)?.record?.reference).toBe('CT-REJOINT-2');

    // Abandoned with a reason: out of the list, and the audit says who, why, and what the server had said.
    const toDiscard = (await listSetAside(b.data.ctx)).find((s) => s.mutation.recordId === abandoned.id)!;
    await expect(discardSetAside(b.data.ctx, toDiscard.mutation.mutationId, '   ', BOB)).rejects.toThrow('Indiquez la raison de l’abandon.');
    await discardSetAside(b.data.ctx, toDiscard.mutation.mutationId, 'Doublon du contrat saisi par Alice', BOB);
    expect(await listSetAside(b.data.ctx)).toEqual([]);
    const entry = (await b.data.repos.audit.ofRecord('contracts', abandoned.id)).find((e) => e.action === 'sync_discard');
    expect(entry?.actor).toBe(BOB);
    expect(entry?.summary).toContain('raison : Doublon du contrat saisi par Alice');
    expect(entry?.summary).toContain(toDiscard.reason);
  });
});
