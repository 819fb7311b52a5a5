import { mkdir, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromiumVersion, launchProfile } from './browser';
import { buildApp, buildBenchPage } from './build';
import { writePortfolio, type PortfolioFile } from './data';
import type { Figure } from './figures';
import { machine, versions } from './machine';
import { BENCHMARKS, parseOptions, type Benchmark } from './options';
import { mergeReports, readReport, writeReport, type Report, type Spent } from './report';
import { serve } from './server';
import { callBench, type SizeContext } from './suites/context';
import { forecastSuite, overrunsSuite } from './suites/contract-life';
import { LAPTOPS_PORTFOLIO_CLIENTS, laptopsSuite } from './suites/laptops';
import { pdfSuite } from './suites/pdf';
import { serverLoadSuite } from './suites/server-load';
import { storageSuite } from './suites/storage';
import { syncSuite } from './suites/sync';
import { uiSuite } from './suites/ui';
import { usageImportSuite } from './suites/usage-import';

/**
 * `npm run bench`: build once, generate the portfolio once per size, serve the
 * app and the bench page from one origin, and for each size run the chosen
 * benchmarks in a fresh Chromium profile; the server load (no browser) runs
 * last, on each size's portfolio; then write bench/report.{json,md}.
 */
const BENCH_PREFIX = '/__bench/';

export async function run(root: string, args: readonly string[]): Promise<void> {
  const options = parseOptions(args);
  const want = (b: Benchmark) => options.only.has(b);
  const started = performance.now();
  const log = (message: string) => console.log(`[bench ${Math.round((performance.now() - started) / 1000)} s] ${message}`);
  // Where the run's time goes, told in the report: the whole default run has a 15-minute budget (issue 20).
  const spent: Spent[] = [];
  const timed = async <T>(what: string, size: number | undefined, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      spent.push({ what, size, seconds: (performance.now() - t0) / 1000 });
    }
  };
  const host = machine();
  const tmp = join(root, 'bench', 'tmp');
  await mkdir(join(tmp, 'data'), { recursive: true });

  // Every suite but the server load and the laptops runs in Chromium on the built app.
  const inBrowser = [...options.only].some((b) => b !== 'server-load' && b !== 'laptops');
  let benchWeb = '';
  if (inBrowser) {
    log('building the app (electron-vite build) and the bench page');
    benchWeb = await timed('build of the app and the bench page', undefined, () => {
      buildApp(root);
      return buildBenchPage(root, BENCH_PREFIX);
    });
  }

  // The PDF figures do not depend on the portfolio's size: alone, they need only the smallest one.
  // The laptops sync a portfolio of their own (below): they need none of these.
  const portfolioBound: Benchmark[] = ['storage', 'open', 'search', 'client', 'heap', 'sync', 'server-load', 'import', 'forecast', 'overruns'];
  const sizes = portfolioBound.some(want) ? options.sizes : options.sizes.slice(0, 1);
  const data: (PortfolioFile & { generationMs: number })[] = [];
  for (const size of sizes) {
    const t0 = performance.now();
    const file = await timed('portfolio generated', size, () => writePortfolio(join(tmp, 'data'), options.seed, size));
    data.push({ ...file, generationMs: performance.now() - t0 });
    log(`portfolio of ${size} clients generated: ${JSON.stringify(file.counts)}`);
  }

  const figures: Figure[] = [];
  let chromium = 'unknown';
  const { url, server } = inBrowser ? await serve({ '/': join(root, 'out', 'renderer'), [BENCH_PREFIX]: benchWeb, [`${BENCH_PREFIX}data/`]: join(tmp, 'data') }) : { url: '', server: null };
  try {
    for (const file of inBrowser ? data : []) {
      const browser = await launchProfile(join(tmp, 'profiles', String(file.size)));
      try {
        const benchPage = await browser.newPage();
        await benchPage.goto(`${url}${BENCH_PREFIX}index.html`);
        await benchPage.waitForFunction(() => window.bench !== undefined);
        chromium = await chromiumVersion(benchPage);
        await callBench(benchPage, 'loadPortfolio', `${url}${BENCH_PREFIX}data/${file.file}`, file.today);
        const ctx: SizeContext = { size: file.size, runs: options.runs, seed: options.seed, data: file, browser, benchPage, appUrl: `${url}/`, log: (m) => log(`${file.size} clients: ${m}`) };

        const ui = want('open') || want('search') || want('client') || want('heap');
        const appLoaded = ui || want('import') || want('forecast') || want('overruns');
        if (want('storage')) figures.push(...(await timed('storage', file.size, () => storageSuite(ctx))));
        else if (appLoaded) await timed('app bulk load for the screens', file.size, () => callBench(benchPage, 'appBulkLoad')); // the UI benchmarks open the app on the loaded portfolio
        if (want('pdf') && file === data[0]) figures.push(...(await timed('pdf', file.size, () => pdfSuite(ctx))));
        // Before the import rewrites the usage: the demo's own November is the month they judge.
        if (want('forecast')) figures.push(...(await timed('forecast', file.size, () => forecastSuite(ctx))));
        if (want('overruns')) figures.push(...(await timed('overruns', file.size, () => overrunsSuite(ctx))));
        // The bench page holds the whole portfolio: closed, it does not weigh on the app's figures.
        await benchPage.close();
        if (ui) {
          figures.push(...(await timed('screens (open, heap, search, client)', file.size, () => uiSuite(ctx, { open: want('open'), heap: want('heap'), search: want('search'), client: want('client') }))));
        }
        // After the screens: an import rewrites the usage documents the screens read.
        if (want('import')) figures.push(...(await timed('import', file.size, () => usageImportSuite(ctx, join(tmp, 'data')))));
        if (want('sync')) {
          // Empty laptops: fresh profiles, with the browser that wrote the portfolio above closed (its store may still be compacting).
          await browser.close();
          const laptop = async (name: string) => {
            const dir = join(tmp, 'profiles', `${file.size}-${name}`);
            const context = await launchProfile(dir);
            return { browser: context, dispose: () => context.close().then(() => rm(dir, { recursive: true, force: true })) };
          };
          figures.push(...(await timed('sync (PouchDB peer included)', file.size, () => syncSuite(ctx, join(tmp, 'data'), `${url}${BENCH_PREFIX}index.html`, `${url}${BENCH_PREFIX}data/${file.file}`, laptop))));
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    server?.close();
  }
  if (want('server-load')) {
    // One window per level (its samples are the requests): three took four minutes of the default run's fifteen.
    // At the largest size only: a page of 100 changes or a push of 10 edits costs the server the same at 1,000
    // clients (measured: 63 against 60 pages/s, 22 against 31 pushes/s), and the smaller size took 80 s.
    const file = data.at(-1)!;
    figures.push(...(await timed('server load', file.size, () => serverLoadSuite({ size: file.size, runs: 1, seed: options.seed, portfolioPath: join(tmp, 'data', file.file), log: (m) => log(`${file.size} clients: ${m}`) }))));
  }
  // Twenty laptops' first syncs in Node, one pass (its samples are the requests), on a portfolio of their own:
  // each laptop is fake-indexeddb in this one Node process, whose writes — not the server — set the pace.
  if (want('laptops')) {
    const t0 = performance.now();
    const file = await writePortfolio(join(tmp, 'data'), options.seed, LAPTOPS_PORTFOLIO_CLIENTS);
    if (!data.some((d) => d.size === file.size)) data.push({ ...file, generationMs: performance.now() - t0 });
    figures.push(...(await timed('many laptops', file.size, () => laptopsSuite({ size: file.size, portfolioPath: join(tmp, 'data', file.file), log: (m) => log(`${file.size} clients: ${m}`) }))));
  }

  const report: Report = {
    date: new Date().toISOString(),
    command: ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' '),
    durationSeconds: (performance.now() - started) / 1000,
    runs: options.runs,
    seed: options.seed,
    machine: { ...host, loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
    versions: versions(root, chromium),
    data: data.map(({ size, counts, generationMs }) => ({ size, counts, generationMs })),
    figures,
    spent,
  };
  // A partial run (--only) keeps the other suites' figures of the report already written.
  const partial = BENCHMARKS.some((b) => !want(b));
  const earlier = partial ? await readReport(join(root, 'bench')) : null;
  await writeReport(join(root, 'bench'), earlier ? mergeReports(earlier, report, options.only) : report);
  log(`wrote bench/report.json and bench/report.md${earlier ? ' (merged: the suites not run keep their figures)' : ''}`);
}
