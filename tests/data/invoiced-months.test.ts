import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio, invoiceSchema, type Invoice } from '../../src-core';
import { bulkLoadRecords, MIGRATIONS, openDataLayer, type ContratsDb } from '../../src-renderer/data';
import { applyMigrations, dexieOptions } from '../../src-renderer/data/db';
import { booksOf } from '../../src-renderer/data/invoice-books';
import { createMonthlyDrafts, planMonthlyRun } from '../../src-renderer/data/invoicing';
import { commitPulledPage } from '../../src-renderer/data/sync-state';
import { yearOfInvoices } from '../../src-renderer/bench/invoices';
import { ACTOR, CLIENT_INPUT, freshIndexedDb, openTestData } from './helpers';

/**
 * Issue 20: the monthly run's "already billed" check reads one row per month
 * (read-model/invoiced-months.ts) instead of every book of the year. The rows
 * must say what the stored invoices say, whatever wrote them.
 */
async function expectInvoicedMonthsTrue(db: ContratsDb): Promise<void> {
  const expected = new Map<string, Record<string, number>>();
  for (const i of await db.invoices.toArray()) {
    if (i.kind !== 'invoice' || !i.period) continue;
    const contracts = expected.get(i.period) ?? expected.set(i.period, {}).get(i.period)!;
    contracts[i.contractId] = (contracts[i.contractId] ?? 0) + 1;
  }
  const rows = await db.invoicedMonths.toArray();
  expect(Object.fromEntries(rows.map((r) => [r.month, r.contracts]))).toEqual(Object.fromEntries(expected));
}

function documents(): Invoice[] {
  const demo = generateDemoPortfolio({ seed: 31, clients: 12 });
  const issued = yearOfInvoices(demo, '2026-11-27');
  const first = issued[0]!;
  // Neither counts: a credit note bills no month, a surcharge has none.
  const credit: Invoice = { ...first, id: 'credit-1', kind: 'credit_note', number: 'AV-2025-000001', creditedInvoiceId: first.id };
  const surcharge: Invoice = { ...first, id: 'surcharge-1', kind: 'surcharge', number: 'F-2026-900001', surchargedInvoiceId: first.id, issueDate: '2026-02-10', dueDate: '2026-03-10' };
  delete surcharge.period;
  return [...issued, credit, surcharge].map((i) => invoiceSchema.parse(i));
}

describe('invoiced months (the monthly run’s billed check)', { timeout: 60_000 }, () => {
  it.each(MIGRATIONS.filter((m) => m.version >= 10 && m.version < 15).map((m) => m.version))('v15 counts the invoices of a v%i database per month', async (version) => {
    const idb = freshIndexedDb();
    const old = new Dexie('to-v15', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= version));
    await old.open();
    const docs = documents();
    if (version < 11) await old.table('invoices').bulkPut(docs);
    else await old.table('invoiceBooks').bulkPut(booksOf(docs));
    old.close();

    const { db } = await openDataLayer({ name: 'to-v15', ...idb });
    expect(db.verno).toBe(MIGRATIONS.at(-1)!.version);
    expect(await db.invoicedMonths.count()).toBe(new Set(docs.flatMap((i) => (i.kind === 'invoice' ? [i.period] : []))).size);
    await expectInvoicedMonthsTrue(db);
    db.close();
  });

  it('is kept by a whole load, the monthly run, a deleted draft and a pulled page that moves an invoice to another month', async () => {
    const data = await openTestData();
    const { db, ctx, commands } = data;
    const client = await commands.clients.create(CLIENT_INPUT, ACTOR);
    const contract = (reference: string) => commands.contracts.create({ clientId: client.id, reference, tier: 'T49', priceListId: 'PL-2024-09-01', startDate: '2026-03-01' }, ACTOR);
    const p = { over: await contract('CT-1'), horsGrille: await contract('CT-2'), other: await contract('CT-3') };
    const plan = await planMonthlyRun(ctx, '2026-11');
    expect(plan.alreadyInvoiced).toBe(0);
    await createMonthlyDrafts(ctx, plan, ACTOR);
    await expectInvoicedMonthsTrue(db);
    // Run again: every contract already billed for the month, found in the month's row.
    const again = await planMonthlyRun(ctx, '2026-11');
    expect(again.items).toEqual([]);
    expect(again.alreadyInvoiced).toBe(plan.items.length);

    const [draft] = (await db.invoices.ofContracts([p.over.id])).filter((i) => i.period === '2026-11');
    await commands.invoices.deleteDraft(draft!.id, ACTOR);
    await expectInvoicedMonthsTrue(db);
    expect((await planMonthlyRun(ctx, '2026-11')).items.map((i) => i.contract.id)).toEqual([p.over.id]);

    // A document pulled for October, then pulled again for September: it leaves October's row for September's.
    const [billed] = (await db.invoices.ofContracts([p.horsGrille.id])).filter((i) => i.period === '2026-11');
    const pull = (period: string, version: number, cursor: string) => {
      const record = { ...billed!, id: 'pulled-1', period, version };
      return commitPulledPage(db, 'history', { changes: [{ entity: 'invoices', recordId: record.id, version, deleted: false, record, changedAt: '2026-11-27T10:00:00Z' }], nextCursor: cursor });
    };
    await pull('2026-10', 1, '1');
    expect(Object.keys((await db.invoicedMonths.get('2026-10'))!.contracts)).toEqual([p.horsGrille.id]);
    await pull('2026-09', 2, '2');
    expect(await db.invoicedMonths.get('2026-10')).toBeUndefined();
    expect(Object.keys((await db.invoicedMonths.get('2026-09'))!.contracts)).toEqual([p.horsGrille.id]);
    await expectInvoicedMonthsTrue(db);

    const fresh = await openDataLayer({ name: 'whole-months', ...freshIndexedDb() });
    const demo = generateDemoPortfolio({ seed: 32, clients: 20 });
    await bulkLoadRecords(fresh.db, { ...demo, invoices: documents() }, { chunkSize: 6 });
    await expectInvoicedMonthsTrue(fresh.db);
  });
});
