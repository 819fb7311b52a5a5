import { describe, expect, it } from 'vitest';
import { contractTerms, overrunFacts, regularisedMonths, type RecordChange, type WireRecord } from '../../src-core';
import { applyTierChangeWithNotice, createDataContext, OVER_MONTHS_KEPT, readOverrunWorkList, readPortfolio, type ContratsDb } from '../../src-renderer/data';
import { createMonthlyDrafts, draftInvoiceInput, issueDrafts, planMonthlyRun } from '../../src-renderer/data/invoicing';
import { commitPulledPage } from '../../src-renderer/data/sync-state';
import { summarizePortfolio } from '../../src-renderer/features/dashboard/portfolio-summary';
import { buildClientRows, filterRows, type ClientFilters } from '../../src-renderer/features/clients/client-rows';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop is seeded. */
const LISTS = [BUILT_IN_LIST];

const TODAY = '2026-12-04';
const OVER = { cpuHours: 1.2, databaseGB: 0.5, storageGB: 1 };
const WITHIN = { cpuHours: 0.5, databaseGB: 0.5, storageGB: 1 };

/**
 * The read model's overrun rows are what src-core says of the stored records:
 * the facts of each contract's last measured months (`overrunFacts`) and which
 * of them its invoices regularise (`regularisedMonths`, the monthly run's rule).
 */
async function expectFactsRight(db: ContratsDb): Promise<void> {
  const [contracts, usage, invoices] = await Promise.all([db.contracts.toArray(), db.usage.toArray(), db.invoices.toArray()]);
  const expected = contracts.flatMap((c) => {
    const facts = overrunFacts(contractTerms(c), usage.find((u) => u.contractId === c.id)?.months.slice(-OVER_MONTHS_KEPT) ?? [], LISTS);
    const months = facts.map((f) => f.month);
    const own = invoices.filter((i) => i.contractId === c.id && i.kind === 'invoice');
    return facts.length > 0 ? [{ id: c.id, facts, regularised: [...regularisedMonths(own, months)].sort() }] : [];
  });
  const rows = (await db.overrunFacts.toArray()).map((r) => ({ id: r.id, facts: r.contract.overruns, regularised: r.regularised }));
  expect(rows).toEqual(expected);
}

async function setUp() {
  const data = await openTestData();
  const ctx = createDataContext(data.db, 'device-test', { now: () => `${TODAY}T10:00:00+01:00`, newId: data.ctx.newId });
  const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2026-00001', tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2026-06-01' }, ACTOR);
  return { ...data, ctx, client, contract };
}

type SetUp = Awaited<ReturnType<typeof setUp>>;

/** The work list's only item, with what the dashboard and the list filter say of the same month. */
async function seen(s: SetUp) {
  const list = await readOverrunWorkList(s.db, TODAY);
  const summaries = await readPortfolio(s.db);
  const dashboard = summarizePortfolio(summaries, TODAY, LISTS);
  const filters: ClientFilters = { tier: '', status: '', mode: '', partner: '', over: true, archived: false };
  const listed = filterRows(buildClientRows(summaries, TODAY, dashboard.overMonth, LISTS), filters, '');
  return { list, dashboard, listed };
}

describe('the overrun facts of the read model', () => {
  it('follow the usage imported: a month over appears with its supplement, a corrected month leaves the list', async () => {
    const s = await setUp();
    await s.commands.usage.importMonths(['2026-09', '2026-10', '2026-11'].map((month) => ({ contractId: s.contract.id, month, ...OVER })), ACTOR);
    await expectFactsRight(s.db);
    const { list, dashboard, listed } = await seen(s);
    expect(list.month).toBe('2026-11');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ clientName: CLIENT_INPUT.legalName, regularised: false, over: { month: '2026-11', coveringTierId: 'T99', supplementCents: 5000, proposedSwitch: { tierId: 'T99', from: '2026-12-01' } } });
    expect(list.items[0]!.over.overLimits).toEqual([expect.stringMatching(/^CPU : 1,2.h pour 1.h incluses$/)]);
    // The dashboard card and the list filter count the same contracts, in the same month.
    expect(dashboard).toMatchObject({ overMonth: '2026-11', overClients: 1 });
    expect(listed.map((r) => r.id)).toEqual([s.client.id]);

    await s.commands.usage.recordMonth(s.contract.id, { month: '2026-11', ...WITHIN }, ACTOR);
    await expectFactsRight(s.db);
    const after = await seen(s);
    expect(after.list).toEqual({ month: '2026-11', items: [] });
    expect(after.dashboard.overClients).toBe(0);
    expect(after.listed).toEqual([]);
  });

  it('follow a tier change: a month is judged against the tier billed then', async () => {
    const s = await setUp();
    await s.commands.usage.importMonths([{ contractId: s.contract.id, month: '2026-11', ...OVER }], ACTOR);
    // From January: November is still billed on T49, and still over.
    await applyTierChangeWithNotice(s.ctx, { contractId: s.contract.id, toTier: 'T99', fromMonth: '2027-01', retroactive: false, overrun: { month: '2026-11', overLimits: ['CPU : 1,2 h pour 1 h incluses'], supplementCents: 5000 } }, ACTOR);
    await expectFactsRight(s.db);
    const later = (await readOverrunWorkList(s.db, TODAY)).items;
    expect(later).toHaveLength(1);
    expect(later[0]!.refusal).toMatch(/changement de formule postérieur|déjà en formule/);

    // From November, chosen knowingly: November on T99 is within its limits.
    const s2 = await setUp();
    await s2.commands.usage.importMonths([{ contractId: s2.contract.id, month: '2026-11', ...OVER }], ACTOR);
    await applyTierChangeWithNotice(s2.ctx, { contractId: s2.contract.id, toTier: 'T99', fromMonth: '2026-11', retroactive: true, overrun: { month: '2026-11', overLimits: ['CPU : 1,2 h pour 1 h incluses'], supplementCents: 5000 } }, ACTOR);
    await expectFactsRight(s2.db);
    expect((await seen(s2)).list.items).toEqual([]);
  });

  it('know which months a stored invoice regularises: drafted, issued, deleted', async () => {
    const s = await setUp();
    await s.commands.usage.importMonths(['2026-09', '2026-10', '2026-11'].map((month) => ({ contractId: s.contract.id, month, ...OVER })), ACTOR);
    const december = await planMonthlyRun(s.ctx, '2026-12');
    expect(december.items[0]!.draft.lines.map((l) => l.label)).toContain('Régularisation dépassement novembre 2026');
    await createMonthlyDrafts(s.ctx, december, ACTOR);
    await expectFactsRight(s.db);
    expect((await s.db.overrunFacts.get(s.contract.id))!.regularised).toEqual(['2026-09', '2026-10', '2026-11']);
    expect((await readOverrunWorkList(s.db, TODAY)).items[0]!.regularised).toBe(true);

    const [draft] = await s.repos.invoices.query({ period: '2026-12' });
    await issueDrafts(s.ctx, [draft!.id], ACTOR);
    await expectFactsRight(s.db);
    expect((await readOverrunWorkList(s.db, TODAY)).items[0]!.regularised).toBe(true);

    // December's draft deleted: no invoice regularises November any more.
    const s2 = await setUp();
    await s2.commands.usage.importMonths([{ contractId: s2.contract.id, month: '2026-11', ...OVER }], ACTOR);
    await createMonthlyDrafts(s2.ctx, await planMonthlyRun(s2.ctx, '2026-12'), ACTOR);
    const [only] = await s2.repos.invoices.query({ period: '2026-12' });
    await s2.commands.invoices.deleteDraft(only!.id, ACTOR);
    await expectFactsRight(s2.db);
    expect((await readOverrunWorkList(s2.db, TODAY)).items[0]!.regularised).toBe(false);
  });

  it('keep the verdicts of the months a row judged and judge its new months, in the books of their years (an import of earlier months)', async () => {
    const data = await openTestData();
    const ctx = createDataContext(data.db, 'device-test', { now: () => `${TODAY}T10:00:00+01:00`, newId: data.ctx.newId });
    const client = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
    const contract = await data.commands.contracts.create({ clientId: client.id, reference: 'CT-2025-00001', tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2025-10-01' }, ACTOR);
    const months = (entries: [string, typeof OVER][]) => entries.map(([month, values]) => ({ contractId: contract.id, month, ...values }));
    await data.commands.usage.importMonths(months([['2025-10', OVER], ['2025-11', OVER], ['2025-12', WITHIN]]), ACTOR);
    // January 2026's run regularises October and November 2025: its invoice is in the book of 2026.
    await createMonthlyDrafts(ctx, await planMonthlyRun(ctx, '2026-01'), ACTOR);
    expect((await data.db.overrunFacts.get(contract.id))!.regularised).toEqual(['2025-10', '2025-11']);

    // December newly over: October and November keep their verdicts, December is judged.
    await data.commands.usage.importMonths(months([['2025-12', OVER]]), ACTOR);
    await expectFactsRight(data.db);
    expect((await data.db.overrunFacts.get(contract.id))!).toMatchObject({ months: ['2025-10', '2025-11', '2025-12'], regularised: ['2025-10', '2025-11'] });

    // November within, then over again: judged anew from 2025, it is found on the invoice of 2026.
    await data.commands.usage.importMonths(months([['2025-10', WITHIN], ['2025-11', WITHIN]]), ACTOR);
    expect((await data.db.overrunFacts.get(contract.id))!).toMatchObject({ months: ['2025-12'], regularised: [] });
    await data.commands.usage.importMonths(months([['2025-11', OVER]]), ACTOR);
    await expectFactsRight(data.db);
    expect((await data.db.overrunFacts.get(contract.id))!).toMatchObject({ months: ['2025-11', '2025-12'], regularised: ['2025-11'] });
  });

  it('follow pulled changes: usage and invoices from the server', async () => {
    const s = await setUp();
    const usage = await s.commands.usage.recordMonth(s.contract.id, { month: '2026-11', ...WITHIN }, ACTOR);
    expect((await readOverrunWorkList(s.db, TODAY)).items).toEqual([]);
    // Pushed already: the server's versions are taken as they come.
    await s.repos.outbox.acknowledge((await s.repos.outbox.pending(100)).map((m) => m.mutationId));
    const change = (entity: RecordChange['entity'], record: object & { id: string }, version: number, deleted = false): RecordChange => ({
      entity, recordId: record.id, version, deleted, record: deleted ? null : ({ ...record, version } as WireRecord), changedAt: '2026-12-04T09:00:00Z',
    });
    // The server's November is over the limits.
    const overNovember = { ...usage, months: [{ month: '2026-11', ...OVER }] };
    await commitPulledPage(s.db, 'history', { changes: [change('usage', overNovember, 5)], nextCursor: '1' });
    await expectFactsRight(s.db);
    expect((await readOverrunWorkList(s.db, TODAY)).items.map((i) => i.contract.id)).toEqual([s.contract.id]);

    // December's draft comes from another laptop (computed as its run would), then is deleted there.
    const [item] = (await planMonthlyRun(s.ctx, '2026-12')).items;
    const invoice = { ...draftInvoiceInput(item!), id: 'invoice-from-elsewhere', createdAt: '2026-12-04T08:00:00Z', updatedAt: '2026-12-04T08:00:00Z', version: 0 };
    await commitPulledPage(s.db, 'history', { changes: [change('invoices', invoice, 3)], nextCursor: '2' });
    await expectFactsRight(s.db);
    expect((await readOverrunWorkList(s.db, TODAY)).items[0]!.regularised).toBe(true);
    await commitPulledPage(s.db, 'history', { changes: [change('invoices', invoice, 4, true)], nextCursor: '3' });
    await expectFactsRight(s.db);
    expect((await readOverrunWorkList(s.db, TODAY)).items[0]!.regularised).toBe(false);
  });
});
