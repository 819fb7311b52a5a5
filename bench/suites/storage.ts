import { measured, type Figure } from '../figures';
import { summarize } from '../stats';
import { callBench, type SizeContext } from './context';
import type { WriteTiming } from '../../src-renderer/bench/storage';

/** Tables the demo loader writes (no invoices): its baseline is the bare write of these tables only (the invoices' books are apart). */
const DEMO_TABLES = ['priceLists', 'clientFiles', 'usage'];

/** Tables of the sync's first stream: what the clients list needs. */
export const CORE_TABLES = ['priceLists', 'clientFiles'];

export const sum = (byTable: Record<string, number>, tables: readonly string[]) => tables.reduce((s, t) => s + (byTable[t] ?? 0), 0);

/** Time given to the browser before each timed write to finish deleting the database before it: about 1 s per 40,000 records deleted, at most 3 s. */
const settleTime = (records: number) => Math.min(3000, Math.round(records / 40));

/**
 * Writes of the whole portfolio: the bare Dexie bulkPut, the app's bulkLoad
 * of the same records (what an import writes), and the app's "load demo
 * data". The bulkLoad of the last run leaves the portfolio in the app's
 * database for the UI benchmarks.
 */
export async function storageSuite(ctx: SizeContext): Promise<Figure[]> {
  const { counts } = ctx.data;
  const records = Object.values(counts).reduce((s, n) => s + n, 0);
  const settleMs = settleTime(records);
  const settled = <T>(write: () => Promise<T>) => new Promise((resolve) => setTimeout(resolve, settleMs)).then(write);
  const bare: number[] = [];
  const bareDemoTables: number[] = [];
  const bareCore: number[] = [];
  const app: number[] = [];
  const loader: number[] = [];
  const demoPhases: Record<string, number>[] = [];
  let last: WriteTiming | undefined;
  let appLast: WriteTiming | undefined;
  for (let run = 1; run <= ctx.runs; run++) {
    const b = await settled(() => callBench(ctx.benchPage, 'bareBulkPut', 'bench-bare'));
    bare.push(b.totalMs);
    last = b;
    bareDemoTables.push(sum(b.byTable, DEMO_TABLES));
    bareCore.push(sum(b.byTable, CORE_TABLES));
    const demo = await settled(() => callBench(ctx.benchPage, 'appDemoLoader', { seed: ctx.seed, clients: ctx.size }, 'bench-demo-loader'));
    loader.push(demo.totalMs);
    demoPhases.push(demo.byTable);
    // In every run beside its baseline, into a scratch database; the last run's into the app's, which the screen benchmarks open.
    appLast = await settled(() => (run === ctx.runs ? callBench(ctx.benchPage, 'appBulkLoad') : callBench(ctx.benchPage, 'appBulkLoad', 'bench-app')));
    app.push(appLast.totalMs);
    ctx.log(`storage run ${run}/${ctx.runs}: bare ${Math.round(b.totalMs)} ms, demo loader ${Math.round(loader.at(-1)!)} ms, app bulkLoad ${Math.round(appLast.totalMs)} ms`);
  }
  const head = (id: string, title: string) => ({ id, title, size: ctx.size, unit: 'ms' });
  const bareTitle = 'bare Dexie bulkPut, same records in the app\'s own layout';
  return [
    measured(head('storage.bare', 'Bare Dexie bulkPut of the portfolio (in the profile that then serves the screens)'), bare, {
      notes: [
        `${records.toLocaleString('en')} records (${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}); one bulkPut per table, Dexie defaults, the app's tables and indexes`,
        `each timed write of this section (bare, app bulkLoad, demo load) starts ${settleMs.toLocaleString('en')} ms after the write before it deleted its database: Chromium goes on freeing a deleted database's files after Dexie.delete resolves, and a write started at once paid for it (the demo load 4.7–5.0 s right after the bare write's deletion against 3.3–4.0 s after a pause, same page, loaded machine); in the app a load starts on an idle browser`,
        `in the app's own layout, grouped before the clock starts: ${last?.rows?.clientFiles ?? '?'} client rows (each client with its contracts), ${last?.rows?.invoiceBooks ?? '?'} invoice books (each client's invoices of a year, data/invoice-books.ts) and ${last?.rows?.invoiceDirectory ?? '?'} rows of their directory (the book of each id, data/invoice-directory.ts); last run, ms per table: ${Object.entries(last?.byTable ?? {}).map(([t, ms]) => `${t} ${Math.round(ms)}`).join(', ')}`,
      ],
    }),
    measured(head('storage.bareCore', 'Bare Dexie bulkPut of the clients with their contracts (one row each) and the price lists alone (part of the line above)'), bareCore, {
      notes: ['what the clients list needs (the sync figures measure their own baselines, in fresh profiles like the sync)'],
    }),
    measured(head('storage.appBulkLoad', 'App bulkLoad of the same records (data/bulk.ts bulkLoadRecords: one transaction, each step validated while the one before is stored, read model computed once)'), app, {
      baseline: { title: bareTitle, samples: bare },
      target: { text: '≤ 1.2 × the bare write of its own layout (issue 20)', met: (median) => median <= 1.2 * summarize(bare).median },
      notes: [
        'in each run after the bare write and the demo load, each after its pause; the runs before the last into a scratch database deleted after (as the bare write\'s), the last into the app\'s database, which the screen benchmarks then open',
        `one bulkLoadRecords of every table into the app's database, opened (created empty) before the clock as the bare baseline's is — in the app it is open before any load —; ms until the last step is stored (each part of the read model written while the steps after its sources are stored), then for the digests' and invoiced months' rows (folded step by step) and the commit, and the opening not counted, last run: ${Object.entries(appLast?.byTable ?? {}).map(([t, ms]) => `${t} ${Math.round(ms)}`).join(', ')}`,
      ],
    }),
    measured(head('storage.demoLoader', 'App "load demo data" (data/bulk.ts loadDemoPortfolio: generates, then writes clients, contracts, usage)'), loader, {
      baseline: { title: 'bare bulkPut of the same tables', samples: bareDemoTables },
      target: { text: '≤ 4,000 ms at 10,000 clients (issue 20)', met: (median) => median <= 4000 },
      notes: [
        'generation included: the portfolio is made a part at a time while the part before is stored, in one transaction; the read model computed once, during the last part, and written while it is stored',
        `phases, median ms: ${['records', 'readModel', 'generationAlone', 'openBefore'].map((phase) => `${phase} ${Math.round(summarize(demoPhases.map((p) => p[phase] ?? 0)).median)}`).join(', ')} (records: until the last part is stored, generation included; readModel: then the digests' and invoiced months' rows and the commit; generationAlone: the same portfolio generated beforehand, nothing written; openBefore: the database opened, created empty, before the clock, not counted, as the bare baseline's)`,
      ],
    }),
  ];
}
