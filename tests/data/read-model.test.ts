import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio, regularisedMonths, regularisingLines, type Client, type Contract, type UsageDocument } from '../../src-core';
import { applyMigrations, dexieOptions } from '../../src-renderer/data/db';
import {
  bulkLoad, bulkLoadRecords, createDatabase, lastMeasuredMonth, loadDemoPortfolio, MIGRATIONS, openDataLayer, overInMonth, priceOfMonth, readLastMeasuredMonth, readPortfolio, runningAt, statusesAt, summarizeClients, tierOfMonth, type ContratsDb,
} from '../../src-renderer/data';
import { readModelFromMemory } from '../../src-renderer/data/sync-state/initial-pull';
import { commitPulledPage, coverEntities, newInitialPull, prepareSummaries, rebuildPendingSummaries, SYNC_KEYS, wipeLocalData } from '../../src-renderer/data/sync-state';
import { ACTOR, CLIENT_INPUT, freshIndexedDb, openTestData, readSummary } from './helpers';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';
import { yearOfInvoices } from '../../src-renderer/bench/invoices';

/** The stored lists of these tests: the built-in list, as an empty laptop reads it. */
const LISTS = [BUILT_IN_LIST];

/** The stored read model equals the one recomputed from the stored records: no write left it behind. */
async function expectFresh(db: ContratsDb): Promise<void> {
  const [clients, contracts, usage, rows, invoices] = await Promise.all([db.clients.toArray(), db.contracts.toArray(), db.usage.toArray(), readPortfolio(db), db.invoices.toArray()]);
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const expected = summarizeClients(clients, contracts, usage, LISTS).sort(byId);
  expect(rows.sort(byId)).toEqual(expected);
  // The overrun tables (read-model/overrun-index.ts) hold what the summaries say: every contract with a month over, and the last measured month.
  const overrunRows = expected.flatMap((s) =>
    s.contracts
      .filter((c) => c.overruns.length > 0)
      .map((c) => {
        const months = c.overruns.map((o) => o.month);
        const regularised = [...regularisedMonths(invoices.filter((i) => i.contractId === c.id && i.kind === 'invoice'), months)].sort();
        return { id: c.id, clientId: s.id, clientName: s.legalName, contract: c, months, regularised };
      }),
  );
  expect((await db.overrunFacts.toArray()).sort(byId)).toEqual(overrunRows.sort(byId));
  expect(await readLastMeasuredMonth(db)).toBe(lastMeasuredMonth(expected));
}

const OVER = { month: '2026-11', cpuHours: 1.7, databaseGB: 0.4, storageGB: 3 };

describe('portfolio read model', () => {
  it('is kept by every repository write of clients, contracts and usage', async () => {
    const { db, commands } = await openTestData();
    const client = await commands.clients.create(CLIENT_INPUT, ACTOR);
    await expectFresh(db);
    expect(await readSummary(db, client.id)).toMatchObject({ legalName: 'Boulangerie Martin SARL', siren: '732829320', city: 'Nancy', contracts: [] });

    await commands.clients.update(client.id, { legalName: 'Pâtisserie Élodie' }, ACTOR);
    expect((await readSummary(db, client.id))!.searchKey).toContain('patisserie elodie');

    const contract = await commands.contracts.create({ clientId: client.id, reference: 'CT-1', tier: 'T99', priceListId: 'PL-2024-09-01', startDate: '2026-03-16' }, ACTOR);
    await expectFresh(db);
    let row = (await readSummary(db, client.id))!;
    expect(statusesAt(row, '2026-11-27')).toEqual(['active']);
    expect(priceOfMonth(row.contracts[0]!, '2026-11', LISTS)).toBe(9900);

    await commands.usage.recordMonth(contract.id, OVER, ACTOR);
    row = (await readSummary(db, client.id))!;
    expect(overInMonth(row, '2026-11')).toEqual([{ contract: row.contracts[0], coveringTierId: 'T199' }]);
    expect(overInMonth(row, '2026-12')).toEqual([]);

    await commands.contracts.applyTierChange(contract.id, 'T199', '2026-12', ACTOR);
    row = (await readSummary(db, client.id))!;
    expect([tierOfMonth(row.contracts[0]!, '2026-11', LISTS), tierOfMonth(row.contracts[0]!, '2026-12', LISTS)]).toEqual(['T99', 'T199']);

    await commands.usage.importMonths([{ contractId: contract.id, ...OVER, cpuHours: 1 }], ACTOR);
    expect(overInMonth((await readSummary(db, client.id))!, '2026-11')).toEqual([]);

    await commands.contracts.update(contract.id, { reference: 'CT-2' }, ACTOR);
    await commands.contracts.recordTerminationNotice(contract.id, { receivedOn: '2026-11-20', channel: 'email' }, ACTOR);
    row = (await readSummary(db, client.id))!;
    expect(statusesAt(row, '2026-12-31')).toEqual(['notice_received']);
    // The day after the effective date the summary reads "Résilié", with nothing rewritten (issue 15).
    expect(statusesAt(row, '2027-01-01')).toEqual(['terminated']);
    expect(runningAt(row, '2027-01-01', LISTS)).toEqual([]);
    expect(row.deadlines.map((d) => [d.contractReference, d.deadline.kind, d.deadline.value])).toContainEqual(['CT-2', 'termination_effective', '2026-12-31']);
    await expectFresh(db);
  });

  it('follows records pulled from the server, in the transaction of their page', async () => {
    const { db, commands } = await openTestData();
    const client = await commands.clients.create(CLIENT_INPUT, ACTOR);
    const contract = { id: 'k-server', clientId: client.id, reference: 'CT-S', tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2026-01-01', status: 'active', history: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 3 };
    await commitPulledPage(db, 'contracts', { changes: [{ entity: 'contracts', recordId: 'k-server', version: 3, deleted: false, record: contract, changedAt: '2026-11-27T10:00:00Z' }], nextCursor: '1' });
    expect((await readSummary(db, client.id))!.contracts.map((c) => c.reference)).toEqual(['CT-S']);
    await commitPulledPage(db, 'contracts', { changes: [{ entity: 'contracts', recordId: 'k-server', version: 4, deleted: true, record: null, changedAt: '2026-11-27T11:00:00Z' }], nextCursor: '2' });
    expect((await readSummary(db, client.id))!.contracts).toEqual([]);
    await expectFresh(db);
    await wipeLocalData(db);
    expect((await readPortfolio(db)).length).toBe(0);
  });

  it('is rebuilt once at the end of an initial pull, even after a crash between its pages', async () => {
    const { db, commands } = await openTestData();
    const { clients, contracts, usage } = generateDemoPortfolio({ seed: 5, clients: 12 });
    const change = (entity: 'clients' | 'contracts' | 'usage', record: { id: string; clientId?: string }, version = 1) =>
      ({ entity, recordId: record.id, version, deleted: false, record: { ...record, version }, changedAt: '2026-11-27T10:00:00Z' });
    const initial = newInitialPull();
    await commitPulledPage(db, 'core', { changes: clients.slice(0, 6).map((c) => change('clients', c)), nextCursor: '1' }, initial);
    expect((await readPortfolio(db)).length).toBe(0);
    expect((await db.syncState.get(SYNC_KEYS.summariesPending))?.value).toBe(true);
    // A local edit made during the pull is replayed on the pulled record, and a record sent again moves to another client.
    await commands.clients.update(clients[2]!.id, { legalName: 'Renommé pendant la synchro' }, ACTOR);
    const page2 = [change('clients', clients[2]!, 2), ...clients.slice(6).map((c) => change('clients', c)), ...contracts.map((c) => change('contracts', c))];
    await commitPulledPage(db, 'core', { changes: page2, nextCursor: '2' }, initial);
    expect(await db.clients.get(clients[2]!.id)).toMatchObject({ legalName: 'Renommé pendant la synchro', version: 2 });
    const moved = contracts[0]!;
    await commitPulledPage(db, 'core', { changes: [change('contracts', { ...moved, clientId: clients.at(-1)!.id }, 2)], nextCursor: '3' }, initial);
    expect((await db.contracts.get(moved.id))!.clientId).toBe(clients.at(-1)!.id);
    // Crash: the run's memory is lost; the next pull resumes from its cursor with per-page upkeep, and its end rebuilds.
    await commitPulledPage(db, 'history', { changes: usage.map((u) => change('usage', u)), nextCursor: '4' });
    expect(await rebuildPendingSummaries(db)).toBe(true);
    expect(await db.syncState.get(SYNC_KEYS.summariesPending)).toBeUndefined();
    expect((await readPortfolio(db)).length).toBe(12);
    await expectFresh(db);
    expect(await rebuildPendingSummaries(db)).toBe(false);
  });

  it('is computed from the run\'s memory on a new laptop, equal to the one computed from the stored records', async () => {
    const { db, commands } = await openTestData();
    const { clients, contracts, usage, priceLists } = generateDemoPortfolio({ seed: 7, clients: 30 });
    const change = (entity: 'clients' | 'contracts' | 'usage' | 'priceLists', record: { id: string }) =>
      ({ entity, recordId: record.id, version: 1, deleted: false, record: { ...record, version: 1 }, changedAt: '2026-11-27T10:00:00Z' });
    const run = newInitialPull();
    run.covered.add('clients').add('contracts');
    // The core stream brings the price lists with the clients and contracts (issue 19: the summaries' overruns are judged against them).
    await commitPulledPage(db, 'core', { changes: [...priceLists.map((l) => change('priceLists', l)), ...clients.map((c) => change('clients', c)), ...contracts.map((c) => change('contracts', c))], nextCursor: '1' }, run);
    // A client deleted later in the same stream leaves no row.
    const gone = clients[4]!;
    // The stream's last page: the summaries are prepared from memory (this page included) while IndexedDB writes it.
    let writtenWhenPrepared = -1;
    const lastPage = { changes: [{ entity: 'clients' as const, recordId: gone.id, version: 2, deleted: true, record: null, changedAt: '2026-11-27T10:01:00Z' }], nextCursor: '2' };
    await commitPulledPage(db, 'core', lastPage, run, () => {
      writtenWhenPrepared = run.written.size;
      prepareSummaries(run);
    });
    expect(writtenWhenPrepared).toBe(priceLists.length + clients.length + contracts.length);
    const prepared = run.prepared;
    expect(prepared?.get('portfolioSummaries')).toHaveLength(29);
    expect(await rebuildPendingSummaries(db, run)).toBe(true);
    expect((await readPortfolio(db)).length).toBe(29);
    await expectFresh(db);
    // Memory is the whole story here: the rows are the prepared ones, not read back from the records.
    expect(await readModelFromMemory(db, run)).toBe(prepared);
    expect(run.sources.usage.size).toBe(0);

    run.covered.add('usage');
    await commitPulledPage(db, 'history', { changes: usage.map((u) => change('usage', u)), nextCursor: '3' }, run);
    // Prepared summaries are dropped as soon as what they derive from changes.
    expect(run.prepared).toBeUndefined();
    // Memory keeps only the months a summary reads, not the whole history.
    expect(Math.max(...[...run.sources.usage.values()].map((u) => (u.months as unknown[]).length))).toBeLessThanOrEqual(3);
    expect(await rebuildPendingSummaries(db, run)).toBe(true);
    await expectFresh(db);
    expect((await readPortfolio(db)).some((row) => row.contracts.some((r) => r.overruns.length > 0))).toBe(true);

    // Once the account manager has written something, memory is not the whole story: the stored records decide.
    await commands.clients.update(clients[0]!.id, { legalName: 'Renommé entre deux pages' }, ACTOR);
    expect(await readModelFromMemory(db, run)).toBeNull();
    await commitPulledPage(db, 'history', { changes: [change('usage', usage[0]!)], nextCursor: '4' }, run);
    expect(await rebuildPendingSummaries(db, run)).toBe(true);
    expect((await readSummary(db, clients[0]!.id))!.legalName).toBe('Renommé entre deux pages');
    await expectFresh(db);
  });

  it('judges a first pull\'s overruns from the invoices it pulled, without reading the books back, as the stored records would', async () => {
    const { db } = await openTestData();
    const demo = generateDemoPortfolio({ seed: 6, clients: 40 });
    const invoices = yearOfInvoices(demo, '2026-11-27');
    const change = (entity: 'clients' | 'contracts' | 'usage' | 'priceLists' | 'invoices', record: { id: string }) =>
      ({ entity, recordId: record.id, version: 1, deleted: false, record: { ...record, version: 1 }, changedAt: '2026-11-27T10:00:00Z' });
    const run = newInitialPull();
    coverEntities(run, ['priceLists', 'contracts', 'clients']);
    await commitPulledPage(db, 'core', { changes: [...demo.priceLists.map((l) => change('priceLists', l)), ...demo.clients.map((c) => change('clients', c)), ...demo.contracts.map((c) => change('contracts', c))], nextCursor: '1' }, run);
    expect(await rebuildPendingSummaries(db, run)).toBe(true);
    coverEntities(run, ['usage', 'invoices', 'payments', 'letters']);
    const [first, ...rest] = invoices;
    await commitPulledPage(db, 'history', { changes: [...demo.usage.map((u) => change('usage', u)), ...rest.map((i) => change('invoices', i))], nextCursor: '2' }, run);
    // The last page: an invoice pulled again in a later state, and the first one.
    const regularising = rest.find((i) => regularisingLines(i).lines.length > 0)!;
    const rewritten = { ...regularising, lines: regularising.lines.map((l) => (regularisingLines({ lines: [l] }).lines.length > 0 ? { ...l, label: 'Ajustement' } : l)) };
    await commitPulledPage(db, 'history', { changes: [change('invoices', first!), { ...change('invoices', rewritten), version: 2, record: { ...rewritten, version: 2 } }], nextCursor: '3' }, run, () => prepareSummaries(run));
    // Memory holds only the invoices that may regularise a month, with only those lines.
    expect(run.regularising.size).toBeGreaterThan(0);
    expect(run.regularising.size).toBeLessThan(invoices.length / 4);
    expect(run.regularising.has(regularising.id)).toBe(false);
    expect([...run.regularising.values()].every((i) => i.lines.length > 0 && i.lines.every((l) => l.label.startsWith('Régularisation dépassement ')))).toBe(true);
    expect(await readModelFromMemory(db, run)).toBe(run.prepared);
    expect(await rebuildPendingSummaries(db, run)).toBe(true);
    await expectFresh(db);
    expect((await db.overrunFacts.toArray()).some((r) => r.regularised.length > 0)).toBe(true);
  });

  it('is written by the bulk loaders: demo portfolio in memory, server records per chunk', async () => {
    const db = createDatabase({ name: 'bulk', ...freshIndexedDb() });
    await loadDemoPortfolio(db, { seed: 3, clients: 60, chunkSize: 25 });
    expect((await readPortfolio(db)).length).toBe(60);
    await expectFresh(db);

    const other = createDatabase({ name: 'server', ...freshIndexedDb() });
    const { clients, contracts, usage, priceLists } = generateDemoPortfolio({ seed: 4, clients: 30 });
    // The server's records start with its price lists (as the server sends them).
    await bulkLoad(other, 'priceLists', priceLists);
    await bulkLoad(other, 'clients', clients, { chunkSize: 7 });
    await bulkLoad(other, 'contracts', contracts, { chunkSize: 7 });
    await bulkLoad(other, 'usage', usage, { chunkSize: 7 });
    expect((await readPortfolio(other)).length).toBe(30);
    await expectFresh(other);
  });

  it('is computed once by a whole load into an empty laptop, invoices regularising their overruns included', async () => {
    const db = createDatabase({ name: 'whole', ...freshIndexedDb() });
    const demo = generateDemoPortfolio({ seed: 6, clients: 40 });
    const invoices = yearOfInvoices(demo, '2026-11-27');
    await bulkLoadRecords(db, { ...demo, invoices }, { chunkSize: 9 });
    expect((await readPortfolio(db)).length).toBe(40);
    expect(await db.syncState.get(SYNC_KEYS.summariesPending)).toBeUndefined();
    await expectFresh(db);
    expect((await db.overrunFacts.toArray()).some((r) => r.regularised.length > 0)).toBe(true);
  });

  it('is built from the stored records when an old database is opened (v3 built it, v10 marks it pending for the data layer to rebuild)', async () => {
    const idb = freshIndexedDb();
    const old = new Dexie('to-v3', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 2));
    await old.open();
    const demo = generateDemoPortfolio({ seed: 5, clients: 40 });
    await old.table<Client>('clients').bulkPut(demo.clients);
    await old.table<Contract>('contracts').bulkPut(demo.contracts);
    await old.table<UsageDocument>('usage').bulkPut(demo.usage);
    old.close();

    const { db } = await openDataLayer({ name: 'to-v3', ...idb });
    expect(db.verno).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect((await readPortfolio(db)).length).toBe(40);
    await expectFresh(db);
    // The showcase client in overrun (demo.ts) is flagged for the demo's current month.
    const row = (await readSummary(db, 'demo-client-00002'))!;
    expect(overInMonth(row, '2026-11').length).toBeGreaterThan(0);
    db.close();
  });
});
