import { describe, expect, it } from 'vitest';
import { DEMO_TODAY, generateDemoPortfolio, type EntityType, type RecordChange, type WireRecord } from '../../src-core';
import { openDataLayer } from '../../src-renderer/data';
import { yearOfInvoices } from '../../src-renderer/bench/invoices';
import { bookKeyOf } from '../../src-renderer/data/invoice-books';
import { commitPulledPage, newInitialPull, rebuildPendingSummaries } from '../../src-renderer/data/sync-state';
import { expectDigestsTrue, freshIndexedDb } from './helpers';

/**
 * Issue 20: during a first pull into empty tables, a client row or an invoice
 * book is read before being written only if this run wrote it already — the
 * rest is written without reading (pulled-changes.ts). What was written in an
 * earlier commit of the run must survive a later one touching the same row.
 */
const demo = generateDemoPortfolio({ seed: 7, clients: 6, today: DEMO_TODAY });
const invoices = yearOfInvoices(demo, DEMO_TODAY);
const change = (entity: EntityType, record: WireRecord): RecordChange => ({ entity, recordId: String(record.id), version: 1, deleted: false, record: { ...record, version: 1 }, changedAt: '2026-11-27T10:00:00Z' });

describe('premier pull : les lignes et livres déjà écrits par la passe sont relus, les autres non', () => {
  it('les factures d’un client coupées entre deux lots : un seul livre, qui les garde toutes', async () => {
    const { db } = await openDataLayer({ name: 'livre-coupe', ...freshIndexedDb() });
    const initial = newInitialPull();
    initial.covered.add('invoices');
    const [first, second] = [demo.clients[0]!.id, demo.clients[1]!.id];
    // One book: the first client's documents of its latest year.
    const year = bookKeyOf(invoices.filter((i) => i.clientId === first).at(-1)!)[1];
    const ofFirst = invoices.filter((i) => i.clientId === first && bookKeyOf(i)[1] === year);
    const ofSecond = invoices.filter((i) => i.clientId === second);
    expect(ofFirst.length).toBeGreaterThan(2);
    expect(new Set(ofFirst.map((i) => bookKeyOf(i).join())).size).toBe(1);
    const cut = Math.floor(ofFirst.length / 2);
    await commitPulledPage(db, 'history', { changes: ofFirst.slice(0, cut).map((i) => change('invoices', i as unknown as WireRecord)), nextCursor: 'g1.a' }, initial);
    await commitPulledPage(db, 'history', { changes: [...ofFirst.slice(cut), ...ofSecond].map((i) => change('invoices', i as unknown as WireRecord)), nextCursor: 'g1.b' }, initial);
    const book = await db.invoiceBooks.get(bookKeyOf(ofFirst[0]!));
    expect(book?.invoices.map((i) => i.id).sort()).toEqual(ofFirst.map((i) => i.id).sort());
    expect(await db.invoices.count()).toBe(ofFirst.length + ofSecond.length);
    await expectDigestsTrue(db);
    db.close();
  });

  it('un contrat arrivé après la ligne de son client la rejoint ; les lignes des autres clients sont écrites sans être lues', async () => {
    const { db } = await openDataLayer({ name: 'ligne-apres', ...freshIndexedDb() });
    const initial = newInitialPull();
    initial.covered.add('clients').add('contracts').add('priceLists');
    const client = demo.clients[0]!;
    const contracts = demo.contracts.filter((c) => c.clientId === client.id);
    const others = demo.clients.slice(1);
    expect(contracts.length).toBeGreaterThan(0);
    await commitPulledPage(db, 'core', { changes: [change('clients', client as unknown as WireRecord)], nextCursor: '0' }, initial);
    // The client's contracts come later (changed during the pull), beside other clients and theirs.
    const later = [...contracts, ...demo.contracts.filter((c) => c.clientId !== client.id)].map((c) => change('contracts', c as unknown as WireRecord));
    await commitPulledPage(db, 'core', { changes: [...others.map((c) => change('clients', c as unknown as WireRecord)), ...later], nextCursor: '42' }, initial);
    const row = await db.clientRows.get(client.id);
    expect(row?.client?.id).toBe(client.id);
    expect(row?.contracts.map((c) => c.id).sort()).toEqual(contracts.map((c) => c.id).sort());
    expect(await db.clients.count()).toBe(demo.clients.length);
    expect(await db.contracts.count()).toBe(demo.contracts.length);
    await rebuildPendingSummaries(db, initial);
    await expectDigestsTrue(db);
    db.close();
  });
});
