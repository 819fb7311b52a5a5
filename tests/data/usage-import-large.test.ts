import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../src-core';
import { checkUsageFile, loadDemoPortfolio, readOutbox, readPortfolio, summarizeClients, type ContratsDb } from '../../src-renderer/data';
import { ACTOR, counts, openTestData } from './helpers';
import { PRICE_LIST_2024_09_01 as BUILT_IN_LIST } from '../../src-core/pricing';

/** The stored lists of these tests: the built-in list, as an empty laptop is seeded. */
const LISTS = [BUILT_IN_LIST];

// The usage import as its worker runs it (data/usage-import): checked against the read model, then
// written by importMonths in one transaction that updates the summaries from the new months.

const TODAY = '2026-12-04';

async function demo(clients: number) {
  const data = await openTestData();
  await loadDemoPortfolio(data.db, { seed: 7, clients, today: '2026-11-27' });
  return { ...data, contracts: generateDemoPortfolio({ seed: 7, clients, today: '2026-11-27' }).contracts };
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

async function expectSummariesFresh(db: ContratsDb): Promise<void> {
  const [clients, contracts, usage, rows] = await Promise.all([db.clients.toArray(), db.contracts.toArray(), db.usage.toArray(), readPortfolio(db)]);
  expect(rows.sort(byId)).toEqual(summarizeClients(clients, contracts, usage, LISTS).sort(byId));
  // The overrun rows (read-model/overrun-index.ts) are those the summaries say: every contract with a month over, with its facts.
  const expected = rows.flatMap((s) => s.contracts.filter((c) => c.overruns.length > 0).map((c) => ({ id: c.id, clientId: s.id, contract: c, months: c.overruns.map((o) => o.month) })));
  const stored = (await db.overrunFacts.toArray()).map(({ id, clientId, contract, months }) => ({ id, clientId, contract, months }));
  expect(stored.sort(byId)).toEqual(expected.sort(byId));
}

/** November 2026 for every contract running then, with `cpu` hours. */
function novemberCsv(contracts: readonly { reference: string; startDate: string; terminationEffectiveDate?: string }[], cpu: string) {
  const lines = contracts.filter((c) => c.startDate < '2026-12-01' && !(c.terminationEffectiveDate && c.terminationEffectiveDate < '2026-11-01')).map((c) => `${c.reference};2026-11;${cpu};0,4;1,5`);
  return { text: `contrat;mois;cpu_heures;base_go;stockage_go\n${lines.join('\n')}\n`, lines: lines.length, first: lines[0]!.split(';')[0] };
}

describe('usage import at portfolio scale', () => {
  it('checks a file against the read model: references resolved, preview with references, the stored months it replaces; nothing written', async () => {
    const { db, ctx, contracts } = await demo(40);
    const before = await counts(db);
    const csv = novemberCsv(contracts, '0,7');
    const { check, rows } = await checkUsageFile(ctx, csv.text, TODAY);
    expect(check.report.errorCount).toBe(0);
    expect([check.rowCount, rows.length]).toEqual([csv.lines, csv.lines]);
    expect(check.preview[0]).toMatchObject({ line: 2, reference: csv.first, month: '2026-11' });
    expect(check.preview).toHaveLength(Math.min(50, csv.lines));
    const storedNovember = (await db.usage.toArray()).filter((u) => u.months.some((m) => m.month === '2026-11')).length;
    expect(storedNovember).toBeGreaterThan(0);
    expect(check.overwritten).toEqual({ months: [{ month: '2026-11', contracts: storedNovember }], total: storedNovember });
    expect(await counts(db)).toEqual(before);
  });

  it('refuses a file with a bad line without looking for stored months, and reports it by line', async () => {
    const { ctx, contracts } = await demo(5);
    const { check } = await checkUsageFile(ctx, `contrat;mois;cpu_heures;base_go;stockage_go\n${contracts[0]!.reference};2026-11;-1;0,4;1,5\nCT-9999-99999;2026-11;1;1;1\n`, TODAY);
    expect(check.report.errors.map((e) => [e.line, e.column])).toEqual([[2, 'cpu_heures'], [3, 'contrat']]);
    expect(check.overwritten).toBeNull();
  });

  it('writes a file naming most of the portfolio: the read model is rewritten from the new months and equals a rebuild from the records', { timeout: 60_000 }, async () => {
    // More clients than the read model's delta holds: the import rewrites its documents.
    const { db, ctx, repos, commands, contracts } = await demo(600);
    const csv = novemberCsv(contracts, '2,5');
    const { rows } = await checkUsageFile(ctx, csv.text, TODAY);
    const before = await counts(db);
    const progress: number[] = [];
    const changed = await commands.usage.importMonths(rows, ACTOR, { onProgress: (p) => progress.push(p.written) });
    expect(changed).toBe(new Set(rows.map((r) => r.contractId)).size);
    const after = await counts(db);
    // One mutation per document, in one outbox row per step of 1,000 documents, as one grouped audit entry holds a line each.
    expect([after.audit! - before.audit!, after.outbox! - before.outbox!]).toEqual([1, 1]);
    const queued = await readOutbox(db);
    expect(queued.map((m) => m.recordId).sort()).toEqual([...new Set(rows.map((r) => r.contractId))].sort());
    expect(await repos.outbox.count()).toBe(changed);
    const client = rows[0]!.clientId;
    const lines = (await repos.audit.ofClient(client)).filter((e) => e.action === 'usage_import');
    expect(lines.map((e) => e.recordId).sort()).toEqual([...new Set(rows.filter((r) => r.clientId === client).map((r) => r.contractId))].sort());
    expect(new Set(rows.map((r) => r.clientId)).size).toBeGreaterThan(500);
    expect(progress.at(-1)).toBe(changed);
    expect((await db.usage.get(rows[0]!.contractId))!.months.find((m) => m.month === '2026-11')).toEqual({ month: '2026-11', cpuHours: 2.5, databaseGB: 0.4, storageGB: 1.5 });
    await expectSummariesFresh(db);
  });

  it('a second file over most of the portfolio: only the rows that change are rewritten, the overrun rows follow, and the same file again writes nothing', { timeout: 120_000 }, async () => {
    const { db, ctx, commands, contracts } = await demo(600);
    const over = await checkUsageFile(ctx, novemberCsv(contracts, '2,5').text, TODAY);
    await commands.usage.importMonths(over.rows, ACTOR);
    const overBefore = await db.overrunFacts.count();
    // Back under the limits: the overrun rows of November go, the read model still equals a rebuild.
    const under = await checkUsageFile(ctx, novemberCsv(contracts, '0,1').text, TODAY);
    expect(under.check.overwritten!.total).toBe(under.rows.length);
    await commands.usage.importMonths(under.rows, ACTOR);
    expect(await db.overrunFacts.count()).toBeLessThan(overBefore);
    await expectSummariesFresh(db);
    const before = await counts(db);
    const summaries = await readPortfolio(db);
    expect(await commands.usage.importMonths(under.rows, ACTOR)).toBe(0);
    expect(await counts(db)).toEqual(before);
    expect((await readPortfolio(db)).sort(byId)).toEqual(summaries.sort(byId));
  });

  it('months rewritten with the same verdicts (the export sending its earlier months again): the documents change, the summaries and overrun rows are not rewritten', { timeout: 120_000 }, async () => {
    const { db, ctx, commands, contracts } = await demo(300);
    await commands.usage.importMonths((await checkUsageFile(ctx, novemberCsv(contracts, '0,1').text, TODAY)).rows, ACTOR);
    const summaries = await readPortfolio(db);
    const facts = await db.overrunFacts.toArray();
    // Rows written per table from here on, counted where Dexie hands them to IndexedDB (a middleware applies from the next open).
    const written = new Map<string, number>();
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'countWrites',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return { ...table, mutate: (req) => (written.set(name, (written.get(name) ?? 0) + ('values' in req ? req.values.length : 1)), table.mutate(req)) };
        },
      }),
    });
    await db.open();
    const { rows } = await checkUsageFile(ctx, novemberCsv(contracts, '0,2').text, TODAY);
    expect(await commands.usage.importMonths(rows, ACTOR)).toBe(new Set(rows.map((r) => r.contractId)).size);
    expect(written.get('usage')).toBe(new Set(rows.map((r) => r.contractId)).size);
    expect([written.get('portfolioChunks'), written.get('portfolioDelta'), written.get('overrunFacts')]).toEqual([undefined, undefined, undefined]);
    expect((await readPortfolio(db)).sort(byId)).toEqual(summaries.sort(byId));
    expect((await db.overrunFacts.toArray()).sort(byId)).toEqual(facts.sort(byId));
    expect(facts.length).toBeGreaterThan(0);
    await expectSummariesFresh(db);
  });

  it('checks a file of a few lines against the documents it names only: the same months replaced as a file over the whole portfolio says', async () => {
    const { ctx, contracts } = await demo(40);
    const whole = novemberCsv(contracts, '0,7');
    const [header, first, second] = whole.text.split('\n');
    const few = await checkUsageFile(ctx, `${header}\n${first}\n${second}\n`, TODAY);
    const all = await checkUsageFile(ctx, whole.text, TODAY);
    const named = new Set(few.rows.map((r) => r.contractId));
    const stored = (await ctx.db.usage.bulkGet([...named])).filter((u) => u?.months.some((m) => m.month === '2026-11')).length;
    expect(few.check.overwritten).toEqual(stored > 0 ? { months: [{ month: '2026-11', contracts: stored }], total: stored } : { months: [], total: 0 });
    expect(all.check.overwritten!.total).toBeGreaterThan(few.check.overwritten!.total);
  });

  it('checks a file with more lines than contracts (every stored document read at once, during the parse): the months replaced are those stored for the contracts it names, not the others', async () => {
    const { ctx, contracts } = await demo(40);
    // Every month of 2026 up to November for all but the last two running contracts, whose stored documents the file does not name.
    const months = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const running = contracts.filter((c) => c.startDate < '2026-01-01' && !c.terminationEffectiveDate);
    const named = running.slice(0, -2);
    const lines = named.flatMap((c) => months.map((m) => `${c.reference};${m};1;0,4;1,5`));
    expect(lines.length).toBeGreaterThan(contracts.length);
    const { check, rows } = await checkUsageFile(ctx, `contrat;mois;cpu_heures;base_go;stockage_go\n${lines.join('\n')}\n`, TODAY);
    expect([check.report.errorCount, rows.length]).toEqual([0, lines.length]);
    const stored = await ctx.db.usage.toArray();
    const ids = new Set(rows.map((r) => r.contractId));
    expect(stored.filter((u) => !ids.has(u.contractId)).length).toBeGreaterThan(0);
    const perMonth = months.map((month) => ({ month, contracts: stored.filter((u) => ids.has(u.contractId) && u.months.some((m) => m.month === month)).length })).filter((m) => m.contracts > 0);
    const total = perMonth.reduce((sum, m) => sum + m.contracts, 0);
    expect(total).toBeGreaterThan(0);
    expect(check.overwritten).toEqual({ months: perMonth.reverse(), total });
  });

  it('a write cancelled once its documents are stored, before its commit, leaves every table as it was', async () => {
    const { db, ctx, commands, contracts } = await demo(30);
    const { rows } = await checkUsageFile(ctx, novemberCsv(contracts, '3').text, TODAY);
    const before = await counts(db);
    const usage = await db.usage.toArray();
    const abort = new AbortController();
    const progress: number[] = [];
    const write = commands.usage.importMonths(rows, ACTOR, { signal: abort.signal, onProgress: (p) => {
      progress.push(p.written);
      abort.abort();
    } });
    await expect(write).rejects.toThrow();
    expect(progress).toEqual([new Set(rows.map((r) => r.contractId)).size]);
    expect(await counts(db)).toEqual(before);
    expect(await db.usage.toArray()).toEqual(usage);
  });

  it('a cancelled write leaves every table as it was', async () => {
    const { db, ctx, commands, contracts } = await demo(30);
    const { rows } = await checkUsageFile(ctx, novemberCsv(contracts, '3').text, TODAY);
    const before = await counts(db);
    const summaries = await readPortfolio(db);
    const abort = new AbortController();
    abort.abort();
    await expect(commands.usage.importMonths(rows, ACTOR, { signal: abort.signal })).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
    expect(await readPortfolio(db)).toEqual(summaries);
  });

  it('merges into the stored documents whether most of the table is named or a few; a document between them not in the file is left as it was', async () => {
    // Most of the table (all but every fifth document), then a few (every twentieth).
    for (const named of [(i: number) => i % 5 !== 2, (i: number) => i % 20 === 0]) {
      const { db, repos, commands } = await demo(40);
      const stored = (await db.usage.toArray()).sort(byId);
      const chosen = stored.filter((_, i) => named(i));
      const skipped = stored.filter((d) => !chosen.includes(d));
      const last = (d: (typeof stored)[number]) => d.months.at(-1)!;
      const rows = chosen.map((d) => ({ contractId: d.contractId, month: last(d).month, cpuHours: 42, databaseGB: 0.5, storageGB: 1 }));
      expect(await commands.usage.importMonths(rows, ACTOR)).toBe(chosen.length);
      const after = new Map((await db.usage.toArray()).map((d) => [d.id, d]));
      // Each document keeps its other months: its stored version was read, not taken for a new one.
      for (const d of chosen) expect(after.get(d.id)!.months).toEqual([...d.months.slice(0, -1), { month: last(d).month, cpuHours: 42, databaseGB: 0.5, storageGB: 1 }]);
      for (const d of skipped) expect(after.get(d.id)).toEqual(d);
      expect(await repos.outbox.count()).toBe(chosen.length);
      await expectSummariesFresh(db);
    }
  });
});
