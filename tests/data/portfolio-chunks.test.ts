import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../src-core';
import { createDatabase, readPortfolio, summarizeClients, type ContratsDb } from '../../src-renderer/data';
import { chunkOf, DELTA_LIMIT, PORTFOLIO_CHUNKS, replacePortfolio, updateSummaries } from '../../src-renderer/data/read-model/portfolio-chunks';
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
});
