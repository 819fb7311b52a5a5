import { describe, expect, it } from 'vitest';
import { PRICE_LIST_2024_09_01 } from '../../src-core';
import { checkUsageFile } from '../../src-renderer/data';
import type { OutboxPack } from '../../src-renderer/data/db';
import { listSetAside } from '../../src-renderer/data/sync-state';
import { storageVariants } from '../server/support/storages';
import { centralServerSuite } from './support/suite';
import { ACTOR, FRENCH_CLIENT } from './support/records';

const TODAY = '2026-12-04';
const HEADER = 'contrat;mois;cpu_heures;base_go;stockage_go';

/**
 * The usage CSV import's writes travel like any local change (issue 15): one
 * mutation per usage document, whatever its number of months, accepted by the
 * server and pulled by the other laptop; the same file again queues nothing.
 */
describe.each(storageVariants())('$name : import de consommations synchronisé', { timeout: 120_000 }, ({ open }) => {
  const suite = centralServerSuite(open);

  it('un document importé part en une mutation, le serveur l’accepte, l’autre poste le reçoit ; un mois corrigé part sur la version du serveur', async () => {
    const a = await suite.laptop('import-a');
    const b = await suite.laptop('import-b');
    await a.engine.syncNow();
    const { ctx, repos, commands } = a.data;
    const client = await commands.clients.create({ ...FRENCH_CLIENT, legalName: 'Import SARL' }, ACTOR);
    const contract = await commands.contracts.create({ clientId: client.id, tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2025-01-01' }, ACTOR);
    await a.engine.syncNow();

    const csv = `${HEADER}\n${contract.reference};2026-09;0,5;0,4;1,5\n${contract.reference};2026-10;0,7;0,4;1,5\n`;
    const { check, rows } = await checkUsageFile(ctx, csv, TODAY);
    expect([check.report.errorCount, check.rowCount]).toEqual([0, 2]);
    expect(await commands.usage.importMonths(rows, ACTOR)).toBe(1);
    expect((await repos.outbox.pending(100)).map((m) => [m.entity, m.recordId])).toEqual([['usage', contract.id]]);
    expect((await a.engine.syncNow()).pushed).toEqual({ applied: 1, conflicts: 0, rejected: 0 });
    await b.engine.syncNow();
    const months = [
      { month: '2026-09', cpuHours: 0.5, databaseGB: 0.4, storageGB: 1.5 },
      { month: '2026-10', cpuHours: 0.7, databaseGB: 0.4, storageGB: 1.5 },
    ];
    expect((await b.data.db.usage.get(contract.id))?.months).toEqual(months);

    // The same file again: nothing written, nothing queued.
    expect(await commands.usage.importMonths((await checkUsageFile(ctx, csv, TODAY)).rows, ACTOR)).toBe(0);
    expect(await repos.outbox.count()).toBe(0);

    // October corrected and November added: one mutation on the version the server gave, applied; B sees both.
    const next = await checkUsageFile(ctx, `${HEADER}\n${contract.reference};2026-10;0,9;0,4;1,5\n${contract.reference};2026-11;1;0,4;1,5\n`, TODAY);
    expect(next.check.overwritten).toEqual({ months: [{ month: '2026-10', contracts: 1 }], total: 1 });
    expect(await commands.usage.importMonths(next.rows, ACTOR)).toBe(1);
    expect((await a.engine.syncNow()).pushed).toEqual({ applied: 1, conflicts: 0, rejected: 0 });
    await b.engine.syncNow();
    expect((await b.data.db.usage.get(contract.id))?.months).toEqual([months[0], { ...months[1], cpuHours: 0.9 }, { month: '2026-11', cpuHours: 1, databaseGB: 0.4, storageGB: 1.5 }]);
  });

  /** Laptops A and B; A has imported November for `count` new contracts of one client, queued as one pack. */
  async function importedPack(name: string, count: number, batchSize?: number) {
    const a = await suite.laptop(`${name}-a`, batchSize ? { engine: { batchSize } } : {});
    const b = await suite.laptop(`${name}-b`);
    await a.engine.syncNow();
    const { ctx, commands } = a.data;
    const client = await commands.clients.create({ ...FRENCH_CLIENT, legalName: `${name} SAS` }, ACTOR);
    const contracts = [];
    for (let i = 0; i < count; i++) contracts.push(await commands.contracts.create({ clientId: client.id, tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: '2025-01-01' }, ACTOR));
    await a.engine.syncNow();
    const csv = `${HEADER}\n${contracts.map((c, i) => `${c.reference};2026-11;${i + 1};0,4;1,5`).join('\n')}\n`;
    expect(await commands.usage.importMonths((await checkUsageFile(ctx, csv, TODAY)).rows, ACTOR)).toBe(count);
    return { a, b, contracts, pack: (await a.data.db.outbox.toArray())[0] as OutboxPack };
  }

  /** B holds November as imported for every contract but `missing`, which it never received. */
  async function expectReceivedBut(b: Awaited<ReturnType<typeof importedPack>>['b'], contracts: readonly { id: string }[], missing: string) {
    await b.engine.syncNow();
    for (const [i, c] of contracts.entries()) {
      const months = (await b.data.db.usage.get(c.id))?.months;
      if (c.id === missing) expect(months).toBeUndefined();
      else expect(months).toEqual([{ month: '2026-11', cpuHours: i + 1, databaseGB: 0.4, storageGB: 1.5 }]);
    }
  }

  it('un import de plusieurs documents, rangé en un paquet, part en lots ordinaires ; une mutation refusée est mise de côté seule, l’autre poste reçoit tous les autres mois', async () => {
    const { a, b, contracts, pack } = await importedPack('paquet', 5, 2);
    const { ctx, db, repos } = a.data;
    // One outbox row holds the five mutations.
    expect([await db.outbox.count(), await repos.outbox.count()]).toEqual([1, 5]);
    // The third is made one the server refuses (a negative figure), inside its pack, as a laptop could have queued it.
    const refused = pack.pack[2]!;
    await db.outbox.put({ ...pack, pack: pack.pack.map((m) => (m === refused ? { ...m, changes: { ...m.changes, months: [{ month: '2026-11', cpuHours: -3, databaseGB: 0.4, storageGB: 1.5 }] } } : m)) });

    expect((await a.engine.syncNow()).pushed).toEqual({ applied: 4, conflicts: 0, rejected: 1 });
    expect(await repos.outbox.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect((await listSetAside(ctx)).map((s) => s.mutation.mutationId)).toEqual([refused.mutationId]);
    await expectReceivedBut(b, contracts, refused.recordId);
  });

  it('une mutation d’un paquet que le format d’échange refuse n’est jamais envoyée : mise de côté par ce poste, les autres partent', async () => {
    const { a, b, contracts, pack } = await importedPack('malforme', 3);
    const { ctx, db } = a.data;
    // The gateway no longer parses a pack's mutations as it writes them: the push's parse is what keeps a malformed one home.
    const malformed = pack.pack[1]!;
    await db.outbox.put({ ...pack, pack: pack.pack.map((m) => (m === malformed ? { ...m, baseVersion: -1, changes: { ...m.changes, 'mois du 11': 1 } } : m)) });

    expect((await a.engine.syncNow()).pushed).toEqual({ applied: 2, conflicts: 0, rejected: 1 });
    const [setAside, ...others] = await listSetAside(ctx);
    expect(others).toEqual([]);
    expect(setAside!.mutation.mutationId).toBe(malformed.mutationId);
    // Refused by this laptop (the server's answer would say otherwise), naming both faults.
    expect(setAside!.reason).toMatch(/^Modification invalide, non envoyée \(.*baseVersion.*changes\.mois du 11/);
    await expectReceivedBut(b, contracts, malformed.recordId);
  });
});
