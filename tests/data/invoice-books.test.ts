import Dexie, { type DBCore, type Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio, invoiceSchema, type Invoice, type RecordChange } from '../../src-core';
import { bulkLoad, createDatabase, MIGRATIONS, openDataLayer, type ContratsDb } from '../../src-renderer/data';
import { applyMigrations, dexieOptions } from '../../src-renderer/data/db';
import { bookKeyOf, type BookKey, type InvoiceBook } from '../../src-renderer/data/invoice-books';
import { bucketOf } from '../../src-renderer/data/invoice-directory';
import { commitPulledPage, newInitialPull } from '../../src-renderer/data/sync-state';
import { yearOfInvoices } from '../../src-renderer/bench/invoices';
import { freshIndexedDb } from './helpers';

/**
 * Issue 20: the invoices stored as books (a client's year, one row), read and
 * written through the invoice store. Realistic documents: a year of issued
 * invoices of a demo portfolio, as the bench bills them (across two calendar
 * years), plus a draft, a credit note and a surcharge without a month.
 */
function documents(clients = 12): Invoice[] {
  const demo = generateDemoPortfolio({ seed: 20, clients });
  const issued = yearOfInvoices(demo, '2026-11-27').map((i) => ({ ...i, seriesId: `F-${i.issueDate.slice(0, 4)}` }));
  const first = issued[0]!;
  const draft: Invoice = { ...issued.at(-1)!, id: 'draft-1', status: 'draft', number: null, period: '2026-12', issueDate: '2026-11-27', dueDate: '2026-12-27' };
  delete draft.seriesId;
  delete draft.issuedAt;
  delete draft.buyer;
  const credit: Invoice = { ...first, id: 'credit-1', kind: 'credit_note', number: 'AV-2025-000001', seriesId: 'AV-2025', creditedInvoiceId: first.id };
  const surcharge: Invoice = { ...first, id: 'surcharge-1', kind: 'surcharge', number: 'F-2026-900001', seriesId: 'F-2026', surchargedInvoiceId: first.id, issueDate: '2026-02-10', dueDate: '2026-03-10' };
  delete surcharge.period;
  return [...issued, draft, credit, surcharge].map((i) => invoiceSchema.parse(i));
}

const byId = (a: Invoice, b: Invoice) => a.id.localeCompare(b.id);
const sorted = (list: readonly Invoice[]) => [...list].sort(byId);
const bookCount = (docs: readonly Invoice[]) => new Set(docs.map((i) => bookKeyOf(i).join('/'))).size;
const idsOf = (book: InvoiceBook | undefined) => (book?.invoices ?? []).map((i) => i.id);

/** The book the directory gives for a document id, read straight from its parts. */
async function directoryBook(db: ContratsDb, id: string): Promise<BookKey | undefined> {
  const parts = await db.invoiceDirectory.where('[bucket+part]').between([bucketOf(id), Dexie.minKey], [bucketOf(id), Dexie.maxKey]).toArray();
  return parts.map((p) => p.books[id]).find((book) => book !== undefined);
}

/** What every query of the store answers, against the same filter over the documents in hand. */
async function expectQueries(db: ContratsDb, docs: readonly Invoice[]) {
  const some = docs[5]!;
  expect(await db.invoices.count()).toBe(docs.length);
  expect(sorted(await db.invoices.toArray())).toEqual(sorted(docs));
  expect(await db.invoices.get(some.id)).toEqual(some);
  expect(await db.invoices.bulkGet([some.id, 'missing', docs[0]!.id])).toEqual([some, undefined, docs[0]]);
  expect(sorted(await db.invoices.ofClient(some.clientId))).toEqual(sorted(docs.filter((i) => i.clientId === some.clientId)));
  expect(sorted(await db.invoices.ofPeriods('2026-03'))).toEqual(sorted(docs.filter((i) => i.period === '2026-03')));
  expect(sorted(await db.invoices.ofPeriods('2025-12', '2026-02'))).toEqual(sorted(docs.filter((i) => i.period && i.period >= '2025-12' && i.period <= '2026-02')));
  const contracts = [some.contractId, docs[0]!.contractId];
  expect(sorted(await db.invoices.ofContracts(contracts))).toEqual(sorted(docs.filter((i) => contracts.includes(i.contractId))));
  expect(sorted(await db.invoices.ofContractsAfter([{ contractId: some.contractId, after: '2026-06' }]))).toEqual(
    sorted(docs.filter((i) => i.contractId === some.contractId && i.period !== undefined && i.period > '2026-06')),
  );
  // Every contract at once, one named twice: each document once, a book holding several of them read for all.
  const every = [...new Set(docs.map((i) => i.contractId))];
  expect(sorted(await db.invoices.ofContracts([...every, some.contractId]))).toEqual(sorted(docs));
  const after = new Map(every.map((id, n) => [id, n % 2 === 0 ? '2025-12' : '2026-06']));
  expect(sorted(await db.invoices.ofContractsAfter([...after].map(([contractId, month]) => ({ contractId, after: month }))))).toEqual(
    sorted(docs.filter((i) => i.period !== undefined && i.period > after.get(i.contractId)!)),
  );
  expect(sorted(await db.invoices.issued())).toEqual(sorted(docs.filter((i) => i.status === 'issued')));
  expect(sorted(await db.invoices.issued('AV-2025'))).toEqual(sorted(docs.filter((i) => i.seriesId === 'AV-2025')));
  expect(await db.invoiceBooks.count()).toBe(bookCount(docs));
}

/** Counts the books written (put) per book, through a DBCore middleware of the test. */
function countBookPuts(db: ContratsDb): Map<string, number> {
  const puts = new Map<string, number>();
  const counter: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'countBookPuts',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (name === 'invoiceBooks' && req.type === 'put') for (const book of req.values as { clientId: string; year: string }[]) puts.set(`${book.clientId}/${book.year}`, (puts.get(`${book.clientId}/${book.year}`) ?? 0) + 1);
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(counter);
  return puts;
}

describe('invoice books', { timeout: 60_000 }, () => {
  it.each(MIGRATIONS.filter((m) => m.version < 11).map((m) => m.version))('v11 moves the invoices of a v%i database into books, every document intact and found by every query (v17: by id through the directory)', async (version) => {
    const idb = freshIndexedDb();
    const old = new Dexie('to-v11', dexieOptions(idb));
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= version));
    await old.open();
    const docs = documents();
    await old.table('invoices').bulkPut(docs);
    old.close();

    const { db } = await openDataLayer({ name: 'to-v11', ...idb });
    expect(db.verno).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.tables.map((t) => t.name)).not.toContain('invoices');
    expect(db.invoiceBooks.schema.indexes.map((i) => [i.name, i.multi])).toEqual([['year', false], ['contractIds', true], ['series', true]]);
    // A client's documents of two calendar years are two books; the surcharge without a month goes by its date.
    expect(bookCount(docs)).toBeGreaterThan(new Set(docs.map((i) => i.clientId)).size);
    await expectQueries(db, docs);
    db.close();
  });

  it('moves a document to the book of its new year, deletes emptied books, and writes puts and deletes of one book together', async () => {
    const db = createDatabase({ name: 'books', ...freshIndexedDb() });
    const docs = documents(4);
    await db.transaction('rw', db.invoices.tables, () => db.invoices.bulkPut(docs));
    await expectQueries(db, docs);

    // A surcharge drafted on 31/12 and issued on 02/01 (datesOnIssue) goes to the new year's book.
    const surcharge = docs.find((i) => i.id === 'surcharge-1')!;
    const drafted = { ...surcharge, issueDate: '2026-12-31', dueDate: '2027-01-30' };
    await db.invoices.put(drafted);
    expect(idsOf(await db.invoiceBooks.get([surcharge.clientId, '2026']))).toContain('surcharge-1');
    const issued = { ...drafted, issueDate: '2027-01-02', dueDate: '2027-02-01' };
    await db.invoices.put(issued);
    expect(await db.invoiceBooks.get([surcharge.clientId, '2027'])).toMatchObject({ contractIds: [surcharge.contractId], series: ['F-2026'] });
    expect(idsOf(await db.invoiceBooks.get([surcharge.clientId, '2027']))).toEqual(['surcharge-1']);
    expect(idsOf(await db.invoiceBooks.get([surcharge.clientId, '2026']))).not.toContain('surcharge-1');
    expect(await directoryBook(db, 'surcharge-1')).toEqual([surcharge.clientId, '2027']);
    expect(await db.invoices.get('surcharge-1')).toEqual(issued);

    // Deleting its only document deletes the book, and its line in the directory; a put and a delete in one book, one write.
    await db.invoices.delete('surcharge-1');
    expect(await db.invoiceBooks.get([surcharge.clientId, '2027'])).toBeUndefined();
    expect(await directoryBook(db, 'surcharge-1')).toBeUndefined();
    const rest = docs.filter((i) => i.id !== 'surcharge-1');
    const [gone, kept] = rest.filter((i) => i.clientId === rest[0]!.clientId && i.period?.startsWith('2026'));
    const edited = { ...kept!, vatMention: 'Autoliquidation' };
    await db.invoices.bulkWrite([edited], [gone!.id]);
    const now = rest.filter((i) => i.id !== gone!.id).map((i) => (i.id === edited.id ? edited : i));
    await expectQueries(db, now);
    db.close();
  });

  it.each(MIGRATIONS.filter((m) => m.version >= 11 && m.version < 17).map((m) => m.version))('v17 drops the books’ index of ids and builds the directory of a v%i database: every document found by id', async (version) => {
    const idb = freshIndexedDb();
    const old = new Dexie('to-v17', dexieOptions(idb));
    // Stored as documents at v10, then opened at `version`: v11 makes the books (with their `ids` index) as it did.
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 10));
    await old.open();
    const docs = documents();
    await old.table('invoices').bulkPut(docs);
    old.close();
    const at = new Dexie('to-v17', dexieOptions(idb));
    applyMigrations(at, MIGRATIONS.filter((m) => m.version <= version));
    await at.open();
    expect(at.table('invoiceBooks').schema.indexes.map((i) => i.name)).toContain('ids');
    at.close();

    const { db } = await openDataLayer({ name: 'to-v17', ...idb });
    expect(db.verno).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.invoiceBooks.schema.indexes.map((i) => i.name)).not.toContain('ids');
    // One part per bucket, every document in it.
    const parts = await db.invoiceDirectory.toArray();
    expect(new Set(parts.map((p) => p.bucket)).size).toBe(parts.length);
    expect(parts.reduce((n, p) => n + Object.keys(p.books).length, 0)).toBe(docs.length);
    for (const doc of docs) expect(await directoryBook(db, doc.id)).toEqual(bookKeyOf(doc));
    await expectQueries(db, docs);
    db.close();
  });

  it('a first sync adds a part of the directory per page without reading it; the next write to a bucket merges its parts; a bulk load writes one part per bucket', async () => {
    const db = createDatabase({ name: 'directory-parts', ...freshIndexedDb() });
    const docs = documents(30);
    const initial = newInitialPull();
    initial.covered.add('invoices');
    const change = (i: Invoice): RecordChange => ({ entity: 'invoices', recordId: i.id, version: i.version, deleted: false, record: i, changedAt: i.updatedAt });
    for (let start = 0, n = 1; start < docs.length; start += 40, n++) await commitPulledPage(db, 'history', { changes: docs.slice(start, start + 40).map(change), nextCursor: String(n) }, initial);
    // Pages of 40 documents among 256 buckets: buckets that got documents in several pages hold a part of each.
    const parts = await db.invoiceDirectory.toArray();
    const buckets = new Set(parts.map((p) => p.bucket));
    expect(parts.length).toBeGreaterThan(buckets.size);
    const bucket = [...buckets].find((b) => parts.filter((p) => p.bucket === b).length > 1)!;
    const partsOfBucket = () => db.invoiceDirectory.where('[bucket+part]').between([bucket, Dexie.minKey], [bucket, Dexie.maxKey]).toArray();
    await expectQueries(db, docs);

    const target = docs.find((i) => bucketOf(i.id) === bucket)!;
    const edited = { ...target, vatMention: 'Autoliquidation' };
    await db.invoices.put(edited);
    const merged = await partsOfBucket();
    expect(merged).toHaveLength(1);
    expect(Object.keys(merged[0]!.books).sort()).toEqual(docs.filter((i) => bucketOf(i.id) === bucket).map((i) => i.id).sort());
    await expectQueries(db, docs.map((i) => (i.id === edited.id ? edited : i)));
    db.close();

    const loaded = createDatabase({ name: 'directory-once', ...freshIndexedDb() });
    await bulkLoad(loaded, 'invoices', docs, { chunkSize: 40 });
    const once = await loaded.invoiceDirectory.toArray();
    expect(once).toHaveLength(new Set(docs.map((i) => bucketOf(i.id))).size);
    await expectQueries(loaded, docs);
    loaded.close();
  });

  it('bulkLoad writes each book once, its client’s invoices in one chunk, whatever their order', async () => {
    const db = createDatabase({ name: 'bulk-books', ...freshIndexedDb() });
    const puts = countBookPuts(db);
    // Month by month, as the server's stream and the bench's portfolio hold them: most chunks name every client.
    const docs = documents(30).filter((i) => i.kind === 'invoice');
    await bulkLoad(db, 'invoices', docs, { chunkSize: 40 });
    expect(puts.size).toBe(bookCount(docs));
    expect([...puts.values()].every((n) => n === 1)).toBe(true);
    await expectQueries(db, docs);
    db.close();
  });

  it('a first sync writes each book once per page, reading back the books earlier pages wrote', async () => {
    const db = createDatabase({ name: 'pull-books', ...freshIndexedDb() });
    const puts = countBookPuts(db);
    const docs = documents(10);
    const initial = newInitialPull();
    initial.covered.add('invoices');
    const change = (i: Invoice): RecordChange => ({ entity: 'invoices', recordId: i.id, version: i.version, deleted: false, record: i, changedAt: i.updatedAt });
    const pages = [docs.slice(0, 40), docs.slice(40)];
    for (const [n, page] of pages.entries()) {
      puts.clear();
      await commitPulledPage(db, 'history', { changes: page.map(change), nextCursor: String(n + 1) }, initial);
      expect(puts.size).toBe(bookCount(page));
      expect([...puts.values()].every((count) => count === 1)).toBe(true);
    }
    await expectQueries(db, docs);
    db.close();
  });
});
