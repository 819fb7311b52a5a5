import { describe, expect, it } from 'vitest';
import { PRICE_LIST_2024_09_01 } from '../../src-core';
import { checkUsageFile } from '../../src-renderer/data';
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
});
