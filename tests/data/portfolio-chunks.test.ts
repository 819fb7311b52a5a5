import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../src-core';
import { byLegalName, createDatabase, readPortfolio, readPortfolioHead, summarizeClients, type ClientSummary, type ContratsDb } from '../../src-renderer/data';
import { chunkOf, DELTA_LIMIT, ensurePortfolioHead, HEAD_ID, HEAD_ROWS, PORTFOLIO_CHUNKS, replacePortfolio, updateSummaries } from '../../src-renderer/data/read-model/portfolio-chunks';
import { readModelScope } from '../../src-renderer/data/read-model/upkeep';
import { freshIndexedDb, readSummary } from './helpers';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop is seeded. */
const LISTS = [BUILT_IN_LIST];

// Writing the model reads the invoices too (which overruns are regularised): the scope of every transaction that writes it.
const inTransaction = (db: ContratsDb, work: () => Promise<void>) => db.transaction('rw', readModelScope(db), work);

describe('portfolio read model stored as documents plus recent rows', () => {
  it('spreads clients evenly over the documents and always puts a client in the same one', () => {
    const sizes = new Array<number>(PORTFOLIO_CHUNKS).fill(0);
    for (let i = 0; i < 10_000; i++) sizes[chunkOf(`demo-client-${String(i).padStart(5, '0')}`)]!++;
    // 10,000 / 64 ≈ 156 per document: none far from it.
    expect(Math.min(...sizes)).toBeGreaterThan(110);
    expect(Math.max(...sizes)).toBeLessThan(210);
    expect(chunkOf('4f3c2a10-0000-4000-8000-000000000001')).toBe(chunkOf('4f3c2a10-0000-4000-8000-000000000001'));
  });

  it('reads the summaries once per read-write transaction until it writes them (a usage import and the summaries it updates)', async () => {
    const db = createDatabase({ name: 'chunks-read', ...freshIndexedDb() });
    const { clients, contracts, usage } = generateDemoPortfolio({ seed: 12, clients: 20 });
    const rows = summarizeClients(clients, contracts, usage, LISTS);
    await inTransaction(db, () => replacePortfolio(db, rows));
    await inTransaction(db, async () => {
      const first = await readPortfolio(db);
      expect(await readPortfolio(db)).toBe(first);
      // Written (a delta row, then the documents): the next read sees it.
      await updateSummaries(db, [{ ...rows[2]!, legalName: 'Renommé' }]);
      const second = await readPortfolio(db);
      expect(second).not.toBe(first);
      expect(second.find((s) => s.id === rows[2]!.id)?.legalName).toBe('Renommé');
      await replacePortfolio(db, rows.slice(1));
      expect(await readPortfolio(db)).toHaveLength(rows.length - 1);
    });
    // Outside a read-write transaction (a screen's live query), each read reads.
    const [a, b] = [await readPortfolio(db), await readPortfolio(db)];
    expect(a).not.toBe(b);
    expect(a).toHaveLength(rows.length - 1);
  });

  it('writes a few changes as rows without touching the documents, and folds them in past the limit', async () => {
    const db = createDatabase({ name: 'chunks', ...freshIndexedDb() });
    const { clients, contracts, usage } = generateDemoPortfolio({ seed: 11, clients: 600 });
    const rows = summarizeClients(clients, contracts, usage, LISTS);
    await inTransaction(db, () => replacePortfolio(db, rows));
    expect(await readPortfolio(db)).toHaveLength(600);
    const documents = JSON.stringify(await db.portfolioChunks.toArray());

    const [edited, removed] = [rows[3]!, rows[150]!];
    await inTransaction(db, () => updateSummaries(db, [{ ...edited, legalName: 'Nouveau nom' }], [removed.id]));
    expect(JSON.stringify(await db.portfolioChunks.toArray())).toBe(documents);
    expect(await db.portfolioDelta.count()).toBe(2);
    expect((await readSummary(db, edited.id))?.legalName).toBe('Nouveau nom');
    expect(await readSummary(db, removed.id)).toBeUndefined();
    expect(await readSummary(db, rows[0]!.id)).toEqual(rows[0]);
    const read = await readPortfolio(db);
    expect(read).toHaveLength(599);
    expect(read.find((r) => r.id === edited.id)?.legalName).toBe('Nouveau nom');

    // Past the limit, everything is folded into the documents: no row waits, the model reads the same.
    // The same clients changed again take no more rows; other clients do, up to the limit.
    const others = read.filter((r) => r.id !== edited.id).map((r) => ({ ...r, city: 'Metz' }));
    await inTransaction(db, () => updateSummaries(db, others.slice(0, 300)));
    await inTransaction(db, () => updateSummaries(db, others.slice(0, 300)));
    expect(await db.portfolioDelta.count()).toBe(302);
    expect(302 + 248).toBeGreaterThan(DELTA_LIMIT);
    await inTransaction(db, () => updateSummaries(db, others.slice(300)));
    expect(await db.portfolioDelta.count()).toBe(0);
    const folded = await readPortfolio(db);
    expect(folded).toHaveLength(599);
    expect(folded.filter((r) => r.city === 'Metz')).toHaveLength(598);
    expect(folded.find((r) => r.id === edited.id)?.legalName).toBe('Nouveau nom');
    expect(folded.some((r) => r.id === removed.id)).toBe(false);
    // A change larger than the limit (a bulk load's chunk) goes straight into the documents.
    await inTransaction(db, () => updateSummaries(db, folded.slice(0, DELTA_LIMIT + 1).map((r) => ({ ...r, city: 'Nancy' }))));
    expect(await db.portfolioDelta.count()).toBe(0);
    expect((await readPortfolio(db)).filter((r) => r.city === 'Nancy')).toHaveLength(DELTA_LIMIT + 1);

    // A rebuild replaces everything: rows of clients no longer given disappear.
    await inTransaction(db, () => replacePortfolio(db, rows.slice(0, 10)));
    expect((await readPortfolio(db)).map((r) => r.id).sort()).toEqual(rows.slice(0, 10).map((r) => r.id).sort());
    db.close();
  });

  /** The list's first rows as the whole model sorts them: not archived, by legal name. */
  const firstOf = (all: readonly ClientSummary[], n: number) => all.filter((r) => !r.archived).sort(byLegalName).slice(0, n).map((r) => r.id);

  it('keeps the clients list\'s first screen in a document of its own, exact after edits, archivings, removals and new clients', async () => {
    const db = createDatabase({ name: 'chunks-head', ...freshIndexedDb() });
    const { clients, contracts, usage } = generateDemoPortfolio({ seed: 13, clients: 400 });
    const rows = summarizeClients(clients, contracts, usage, LISTS);
    await inTransaction(db, () => replacePortfolio(db, rows));
    expect((await db.portfolioChunks.get(HEAD_ID))?.rows).toHaveLength(HEAD_ROWS);
    // The whole model reads the same: the first screen's document is not one more copy of its clients.
    expect(await readPortfolio(db)).toHaveLength(400);
    let head = await readPortfolioHead(db);
    expect(head!.rows.map((r) => r.id)).toEqual(firstOf(rows, head!.rows.length));
    expect(head!.rows.length).toBe(HEAD_ROWS - 1);

    // Changes as delta rows: the first shown renamed to sort last, one archived, one removed, one renamed to sort first, a new client.
    const sorted = rows.filter((r) => !r.archived).sort(byLegalName);
    const [first, second, third] = [sorted[0]!, sorted[1]!, sorted[2]!];
    const far = sorted.at(-1)!;
    const added = { ...rows[5]!, id: 'nouveau-client', legalName: 'AAA Nouveau client' };
    await inTransaction(db, () =>
      updateSummaries(db, [{ ...first, legalName: 'Zzz renommé' }, { ...second, archived: true }, { ...far, legalName: 'Aaa remonté' }, added], [third.id]),
    );
    expect(await db.portfolioDelta.count()).toBe(5);
    head = await readPortfolioHead(db);
    const all = await readPortfolio(db);
    expect(head!.rows.map((r) => r.id)).toEqual(firstOf(all, head!.rows.length));
    expect(head!.rows.slice(0, 2).map((r) => r.legalName)).toEqual(['AAA Nouveau client', 'Aaa remonté']);
    expect(head!.rows.some((r) => [first.id, second.id, third.id].includes(r.id))).toBe(false);
    // Every client before the document's last row is known: the two that left it, none missing.
    expect(head!.rows.length).toBe(HEAD_ROWS - 1 - 3 + 2);

    // Folded, the document is written again from the whole model.
    await inTransaction(db, () => replacePortfolio(db, all));
    head = await readPortfolioHead(db);
    expect(head!.rows.map((r) => r.id)).toEqual(firstOf(all, HEAD_ROWS - 1));
    db.close();
  });

  it('answers null (the list reads every summary) without a document, and a store written before it gets one on opening', async () => {
    const db = createDatabase({ name: 'chunks-no-head', ...freshIndexedDb() });
    expect(await readPortfolioHead(db)).toBeNull();
    await ensurePortfolioHead(db);
    // Nothing to show: no document written.
    expect(await db.portfolioChunks.count()).toBe(0);
    const { clients, contracts, usage } = generateDemoPortfolio({ seed: 14, clients: 30 });
    const rows = summarizeClients(clients, contracts, usage, LISTS);
    await inTransaction(db, () => replacePortfolio(db, rows));
    // As an earlier version left it: the documents without the first screen's.
    await db.portfolioChunks.delete(HEAD_ID);
    expect(await readPortfolioHead(db)).toBeNull();
    await ensurePortfolioHead(db);
    // Fewer clients than a document holds: all of them, in the list's order.
    const head = await readPortfolioHead(db);
    expect(head!.rows.map((r) => r.id)).toEqual(firstOf(rows, 30));
    db.close();
  });
});
