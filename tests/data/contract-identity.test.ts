import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio, ValidationError } from '../../src-core';
import { MIGRATIONS, openDataLayer, readPortfolio, searchable, summarizeClients } from '../../src-renderer/data';
import { rowsOf } from '../../src-renderer/data/client-rows';
import { applyMigrations, dexieOptions } from '../../src-renderer/data/db';
import { createMonthlyDrafts, issueDrafts, planMonthlyRun } from '../../src-renderer/data/invoicing';
import { toChunks } from '../../src-renderer/data/read-model/portfolio-chunks';
import { ACTOR, CLIENT_INPUT, counts, freshIndexedDb, openTestData, readSummary } from './helpers';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop is seeded. */
const LISTS = [BUILT_IN_LIST];

type Data = Awaited<ReturnType<typeof openTestData>>;

const contractOf = (clientId: string, reference?: string) => ({ clientId, ...(reference ? { reference } : {}), tier: 'T99' as const, priceListId: 'PL-2024-09-01', startDate: '2026-03-16' });

async function refusal(action: Promise<unknown>): Promise<ValidationError> {
  const error = await action.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('contract references assigned by the app and unique', () => {
  it('assigns CT-<year of creation>-NNNNN, the next free number, when none is given', async () => {
    const { repos, commands } = await openTestData();
    const client = await commands.clients.create(CLIENT_INPUT, ACTOR);
    expect(await repos.contracts.nextReference()).toBe('CT-2026-00001');
    const first = await commands.contracts.create(contractOf(client.id), ACTOR);
    await commands.contracts.create(contractOf(client.id, 'CT-2026-00007'), ACTOR);
    const third = await commands.contracts.create(contractOf(client.id), ACTOR);
    expect([first.reference, third.reference]).toEqual(['CT-2026-00001', 'CT-2026-00008']);
    expect(await repos.contracts.nextReference()).toBe('CT-2026-00009');
  });

  it('refuses a duplicate on create and on edit, in French on the reference field, writing nothing', async () => {
    const data = await openTestData();
    const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
    await data.commands.contracts.create(contractOf(client.id, 'CT-2026-00001'), ACTOR);
    const other = await data.commands.contracts.create(contractOf(client.id, 'CT-2026-00002'), ACTOR);
    const before = await counts(data.db);

    const onCreate = await refusal(data.commands.contracts.create(contractOf(client.id, 'ct-2026-00001'), ACTOR));
    expect(onCreate.issues).toEqual([{ path: 'reference', message: 'La référence ct-2026-00001 est déjà celle d’un autre contrat : choisissez-en une autre.', said: { code: 'validation.contract.referenceTaken', params: { reference: 'ct-2026-00001' } } }]);
    const onEdit = await refusal(data.commands.contracts.update(other.id, { reference: 'CT-2026-00001' }, ACTOR));
    expect(onEdit.issues[0]!.path).toBe('reference');
    expect(await counts(data.db)).toEqual(before);
    expect((await data.repos.contracts.get(other.id))!.reference).toBe('CT-2026-00002');
    // Its own reference, in another case, is not a clash.
    expect((await data.commands.contracts.update(other.id, { reference: 'CT-2026-00002', paymentTermDays: 45 }, ACTOR)).paymentTermDays).toBe(45);
  });

  it('keeps a duplicate stored before the rule readable and editable (only a changed reference is checked)', async () => {
    const data = await openTestData();
    const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
    const a = await data.commands.contracts.create(contractOf(client.id, 'CT-2024-0001'), ACTOR);
    const b = await data.commands.contracts.create(contractOf(client.id, 'CT-2024-0002'), ACTOR);
    // As a pull from before the rule could have left it: written without the repositories' check.
    await data.db.contracts.put({ ...b, reference: 'CT-2024-0001' });
    expect((await data.commands.contracts.update(b.id, { paymentTermDays: 60 }, ACTOR)).reference).toBe('CT-2024-0001');
    expect((await data.repos.contracts.get(a.id))!.reference).toBe('CT-2024-0001');
  });

  it('refuses dates a person cannot mean: start before the first price list, a notice received tomorrow', async () => {
    const data = await openTestData();
    const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
    const early = await refusal(data.commands.contracts.create({ ...contractOf(client.id), startDate: '2024-08-31' }, ACTOR));
    expect(early.issues[0]).toEqual({ path: 'startDate', message: 'Un contrat ne peut pas commencer avant la première grille tarifaire (01/09/2024).' });
    const ahead = await refusal(data.commands.contracts.create({ ...contractOf(client.id), startDate: '2028-01-01' }, ACTOR));
    expect(ahead.issues[0]!.path).toBe('startDate');
    const contract = await data.commands.contracts.create(contractOf(client.id), ACTOR);
    // The test clock is 27/11/2026.
    const notice = await refusal(data.commands.contracts.recordTerminationNotice(contract.id, { receivedOn: '2026-11-28', channel: 'email' }, ACTOR));
    expect(notice.issues[0]!.message).toBe('Un préavis ne peut pas avoir été reçu dans le futur (28/11/2026, après aujourd’hui 27/11/2026).');
    expect((await data.commands.contracts.recordTerminationNotice(contract.id, { receivedOn: '2026-11-27', channel: 'email' }, ACTOR)).status).toBe('notice_received');
  });

  it('the clients list finds a client by a contract reference (search key of the read model)', async () => {
    const data = await openTestData();
    const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
    const contract = await data.commands.contracts.create(contractOf(client.id), ACTOR);
    expect((await readSummary(data.db, client.id))!.searchKey).toContain(contract.reference.toLowerCase());
    await data.commands.contracts.update(contract.id, { reference: 'CT-2026-04242' }, ACTOR);
    expect((await readSummary(data.db, client.id))!.searchKey).toContain('ct-2026-04242');
  });
});

describe('archiving and deleting a client', () => {
  async function withDraftedClient(data: Data) {
    const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
    const contract = await data.commands.contracts.create({ ...contractOf(client.id), startDate: '2026-01-01' }, ACTOR);
    await data.commands.usage.recordMonth(contract.id, { month: '2026-10', cpuHours: 1, databaseGB: 0.5, storageGB: 2 }, ACTOR);
    await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-11'), ACTOR);
    return { client, contract };
  }

  it('archives only a client with no running contract, hides it in the read model, restores it', async () => {
    const data = await openTestData();
    const { client } = await withDraftedClient(data);
    await expect(data.commands.clients.archive(client.id, ACTOR)).rejects.toThrow(/Archivage impossible : le contrat CT-2026-00001 est encore en cours/);
    const idle = await data.commands.clients.create({ ...CLIENT_INPUT, legalName: 'Prospect SAS' }, ACTOR);
    const archived = await data.commands.clients.archive(idle.id, ACTOR);
    expect(archived.archivedAt).toBe('2026-11-27T10:00:00+01:00');
    expect((await readSummary(data.db, idle.id))!.archived).toBe(true);
    await data.commands.clients.restore(idle.id, ACTOR);
    expect((await readSummary(data.db, idle.id))!.archived).toBeUndefined();
    expect((await data.repos.audit.ofClient(idle.id)).map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'archive', 'restore']));
  });

  it('deletes a client created by mistake with its contracts, usage and drafts; the audit stays; the server is told', async () => {
    const data = await openTestData();
    const { client, contract } = await withDraftedClient(data);
    expect(await data.repos.invoices.query({ clientId: client.id })).toHaveLength(1);
    await data.repos.outbox.acknowledge((await data.repos.outbox.pending()).map((m) => m.mutationId));

    await data.commands.clients.remove(client.id, ACTOR);
    expect(await data.repos.clients.get(client.id)).toBeUndefined();
    expect(await data.repos.contracts.get(contract.id)).toBeUndefined();
    expect(await data.repos.usage.ofContract(contract.id)).toBeUndefined();
    expect(await data.repos.invoices.query({ clientId: client.id })).toEqual([]);
    expect(await readSummary(data.db, client.id)).toBeUndefined();
    const audit = await data.repos.audit.ofClient(client.id);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'delete']));
    expect(audit.find((a) => a.entity === 'clients' && a.action === 'delete')!.summary).toBe('Suppression du client « Boulangerie Martin SARL » (créé par erreur).');
    const pending = await data.repos.outbox.pending();
    expect(pending.map((m) => [m.entity, m.op]).sort()).toEqual([['clients', 'delete'], ['contracts', 'delete'], ['invoices', 'delete'], ['usage', 'delete']]);
  });

  it('refuses to delete a client with an issued invoice, writing nothing', async () => {
    const data = await openTestData();
    const { client } = await withDraftedClient(data);
    const drafts = await data.repos.invoices.query({ clientId: client.id });
    await issueDrafts(data.ctx, drafts.map((d) => d.id), ACTOR);
    const before = await counts(data.db);
    await expect(data.commands.clients.remove(client.id, ACTOR)).rejects.toThrow('Suppression impossible : la facture émise F-2026-000001 doit être conservée. Archivez plutôt ce client.');
    expect(await counts(data.db)).toEqual(before);
  });
});

describe('migration v7: search keys with contract references', () => {
  it('recomputes the stored summaries of a v6 database; references stay as they were', async () => {
    const idb = freshIndexedDb();
    const old = new Dexie('to-v7', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 6));
    await old.open();
    const demo = generateDemoPortfolio({ seed: 5, clients: 30 });
    // A v6 read model: summaries without the references in their search key.
    const stale = summarizeClients(demo.clients, demo.contracts, demo.usage, LISTS).map((s) => ({ ...s, searchKey: searchable(s.legalName) }));
    await old.table('clientFiles').bulkPut(rowsOf(demo.clients, demo.contracts));
    await old.table('usage').bulkPut(demo.usage);
    await old.table('portfolioChunks').bulkPut(toChunks(stale));
    await old.table('portfolioDelta').put({ id: stale[0]!.id, summary: stale[0] });
    old.close();

    // v10 marks the read model pending (its shape changed again): the data layer rebuilds it when it opens.
    const { db } = await openDataLayer({ name: 'to-v7', ...idb });
    expect(db.verno).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    const contract = demo.contracts[7]!;
    const summaries = await readPortfolio(db);
    expect(summaries).toHaveLength(demo.clients.length);
    expect(summaries.find((s) => s.id === contract.clientId)!.searchKey).toContain(contract.reference.toLowerCase());
    expect(await db.portfolioDelta.count()).toBe(0);
    expect((await db.contracts.get(contract.id))!.reference).toBe(contract.reference);
    db.close();
  });
});
