import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src-core';
import { readPortfolio } from '../../src-renderer/data';
import { ACTOR, CLIENT_INPUT, counts, openTestData } from './helpers';

async function withTwoContracts() {
  const data = await openTestData();
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const make = (reference: string) => data.commands.contracts.create({ clientId: client.id, reference, tier: 'T99', priceListId: 'PL-2024-09-01', startDate: '2026-03-16' }, ACTOR);
  return { ...data, client, a: await make('CT-A'), b: await make('CT-B') };
}

const month = (m: string, cpuHours = 1) => ({ month: m, cpuHours, databaseGB: 0.4, storageGB: 3 });

describe('usage.importMonths', () => {
  it('merges every month into its contract document in one go: one mutation per changed document, one grouped audit entry with a line each', async () => {
    const { db, repos, commands, client, a, b } = await withTwoContracts();
    await commands.usage.recordMonth(a.id, month('2026-09'), ACTOR);
    const before = await counts(db);
    const changed = await commands.usage.importMonths([{ contractId: a.id, ...month('2026-09', 2) }, { contractId: a.id, ...month('2026-10') }, { contractId: b.id, ...month('2026-10') }], ACTOR);
    expect(changed).toBe(2);
    expect((await db.usage.get(a.id))!.months).toEqual([month('2026-09', 2), month('2026-10')]);
    expect((await db.usage.get(b.id))!.months).toEqual([month('2026-10')]);
    const after = await counts(db);
    // One grouped audit entry and one outbox row (a pack), holding a mutation per document, each queued after the month recorded by hand.
    expect([after.audit! - before.audit!, after.outbox! - before.outbox!]).toEqual([1, 1]);
    expect((await repos.outbox.pending()).filter((m) => m.entity === 'usage').map((m) => [m.recordId, m.baseVersion, Object.keys(m.changes).sort()])).toEqual([
      [a.id, 0, expect.arrayContaining(['months'])],
      [a.id, 0, ['months']],
      [b.id, 0, expect.arrayContaining(['months'])],
    ]);
    expect(await repos.outbox.count()).toBe(before.outbox! + 2);
    expect((await repos.audit.recent(1))[0]).toMatchObject({ entity: 'usage', action: 'usage_import', summary: 'Import de consommations : 3 mois pour 2 contrats.' });
    // The record's and the client's histories read the grouped entry as one line per document, as single entries were.
    expect((await repos.audit.ofRecord('usage', a.id)).map((e) => e.summary)).toEqual([
      'Consommation importée pour le contrat CT-A : septembre 2026, octobre 2026.',
      'Consommation de septembre 2026 enregistrée pour le contrat CT-A.',
    ]);
    expect((await repos.audit.ofRecord('usage', a.id))[0]).toMatchObject({ entity: 'usage', recordId: a.id, clientId: client.id, action: 'usage_import', actor: ACTOR, fields: ['months'] });
    expect((await repos.audit.ofClient(client.id)).slice(0, 3).map((e) => [e.recordId, e.summary])).toEqual([
      [b.id, 'Consommation importée pour le contrat CT-B : octobre 2026.'],
      [a.id, 'Consommation importée pour le contrat CT-A : septembre 2026, octobre 2026.'],
      [a.id, 'Consommation de septembre 2026 enregistrée pour le contrat CT-A.'],
    ]);
    // The same file again changes nothing, so it writes nothing.
    await expect(commands.usage.importMonths([{ contractId: b.id, ...month('2026-10') }], ACTOR)).resolves.toBe(0);
    expect(await counts(db)).toEqual(after);
  });

  it('writes nothing when one row is refused', async () => {
    const { db, commands, a } = await withTwoContracts();
    const before = await counts(db);
    const summaries = await readPortfolio(db);
    await expect(commands.usage.importMonths([{ contractId: a.id, ...month('2026-10') }, { contractId: 'ghost', ...month('2026-10') }], ACTOR)).rejects.toThrow(/Contrat introuvable : ghost/);
    await expect(commands.usage.importMonths([{ contractId: a.id, ...month('2026-10') }, { contractId: a.id, ...month('2026-11', -1) }], ACTOR)).rejects.toThrow(ValidationError);
    expect(await counts(db)).toEqual(before);
    expect(await db.usage.get(a.id)).toBeUndefined();
    expect(await readPortfolio(db)).toEqual(summaries);
  });
});

describe('contracts.update', () => {
  it('changes reference, start and payment term: validated, audited, only the changed fields sent', async () => {
    const { db, repos, commands, a } = await withTwoContracts();
    const updated = await commands.contracts.update(a.id, { reference: 'CT-2026-00042', startDate: '2026-04-01', paymentTermDays: 45 }, ACTOR);
    expect(await db.contracts.get(a.id)).toEqual(updated);
    expect(updated).toMatchObject({ reference: 'CT-2026-00042', startDate: '2026-04-01', paymentTermDays: 45, tier: 'T99', status: 'active' });
    expect((await repos.audit.ofRecord('contracts', a.id))[0]).toMatchObject({ action: 'update', summary: 'Modification du contrat CT-2026-00042.', fields: ['paymentTermDays', 'reference', 'startDate'] });
    const last = (await repos.outbox.pending()).at(-1)!;
    expect(Object.keys(last.changes).sort()).toEqual(['paymentTermDays', 'reference', 'startDate']);
    // Back to the default term: the field is cleared, and the server is told so.
    await commands.contracts.update(a.id, { paymentTermDays: undefined }, ACTOR);
    expect((await db.contracts.get(a.id))!.paymentTermDays).toBeUndefined();
    expect((await repos.outbox.pending()).at(-1)!.changes).toEqual({ paymentTermDays: null });
  });

  it('refuses an invalid edit and writes nothing', async () => {
    const { db, commands, a } = await withTwoContracts();
    await commands.contracts.applyTierChange(a.id, 'T199', '2026-06', ACTOR, { retroactive: true });
    await commands.contracts.recordTerminationNotice(a.id, { receivedOn: '2026-08-10', channel: 'email' }, ACTOR);
    const before = await counts(db);
    await expect(commands.contracts.update(a.id, { reference: ' ' }, ACTOR)).rejects.toThrow(/référence du contrat est obligatoire/);
    await expect(commands.contracts.update(a.id, { paymentTermDays: 500 }, ACTOR)).rejects.toThrow(/120 jours/);
    await expect(commands.contracts.update(a.id, { startDate: '2026-07-01' }, ACTOR)).rejects.toThrow(/changement de formule déjà enregistré \(juin 2026\)/);
    await expect(commands.contracts.update(a.id, { startDate: '2026-02-30' }, ACTOR)).rejects.toThrow(/2026-02-30/);
    await expect(commands.contracts.update('nope', { reference: 'X' }, ACTOR)).rejects.toThrow(/Contrat introuvable/);
    expect(await counts(db)).toEqual(before);
  });
});
