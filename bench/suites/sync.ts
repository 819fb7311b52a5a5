import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { dirname, join } from 'node:path';
import type { WireRecord } from '../../src-core';
import type { SyncTiming } from '../../src-renderer/bench/api';
import { createUser } from '../../src-server/auth/users';
import { seedRecords, type SeedTables } from '../../src-server/seed';
import { startServer } from '../../src-server/server';
import { applyMutation } from '../../src-server/sync/apply-mutation';
import { embeddedStorage } from '../../tests/server/support/storages';
import { measured, type Figure } from '../figures';
import { summarize } from '../stats';
import { callBench, type SizeContext } from './context';
import { peerSuite } from './peer';
import { CORE_TABLES, sum } from './storage';

const CHANGES = 100;
/** Issue 20's targets for a new laptop: everything in, the clients list usable (every sample), the reconciliation check. */
const EVERYTHING_IN_MS = 12_000;
const LIST_USABLE_MS = 2_000;
const RECONCILE_MS = 1_000;
const INCREMENTAL_MS = 1_000;
/**
 * The first sync starts this long after the laptop's page is ready, as after
 * a person has typed the server's address and a token. A Chromium just
 * launched on a fresh profile is still busy with its own start for about a
 * second after its first page is ready (measured here: 1.4 s of CPU over the
 * first second, then nothing); a sync started at once would share the two
 * cores with it. The baseline's bulkPut starts after loading its data.
 */
const SIGN_IN_MS = 3_000;

/** A fresh browser profile (an empty laptop) and its disposal (closed, folder removed). */
export interface Laptop {
  browser: BrowserContext;
  dispose: () => Promise<void>;
}

/**
 * The sync issue's figures, with the real engine (src-renderer/sync) in
 * Chromium against the real central API (src-server, started in this process
 * on embedded storage in a temporary folder, as the server keeps it on disk:
 * PGlite in memory took 31 s to seed 131,592 records where the server-load
 * suite's folder took 15 s, and 8.8 s against 3.2 s to open). The server is filled with the run's
 * portfolio by the bulk seed (src-server/seed.ts: the same records a push of
 * each would store), then each run syncs it into an empty laptop: a fresh
 * browser profile. The baseline — the bare Dexie bulkPut of the same records
 * in the app's own layout (client rows, invoice books: bench/suites/storage.ts) —
 * is measured in the same run and in the same conditions: once per size, in
 * a fresh profile too (a first write into a new profile costs more than into
 * a used one; a used one still compacts what an earlier run deleted).
 */
export async function syncSuite(ctx: SizeContext, dataDir: string, benchUrl: string, dataUrl: string, newLaptop: (name: string) => Promise<Laptop>): Promise<Figure[]> {
  const tables = JSON.parse(await readFile(join(dataDir, ctx.data.file), 'utf8')) as SeedTables;
  const storage = await embeddedStorage();
  const server = await startServer({ storage: storage.config, port: 0, host: '127.0.0.1', rateLimitPerMinute: 1_000_000, logger: false }).catch(async (error: unknown) => {
    await storage.dispose();
    throw error;
  });
  let laptop: Laptop | undefined;
  const openLaptop = async (name: string): Promise<Page> => {
    await laptop?.dispose();
    laptop = await newLaptop(name);
    const page = await laptop.browser.newPage();
    await page.goto(benchUrl);
    await page.waitForFunction(() => window.bench !== undefined);
    return page;
  };
  try {
    const { user, token } = await createUser(server.db, 'banc', 'account_manager');
    const t0 = performance.now();
    const seeded = await seedRecords(server.db, user.id, tables);
    const seedMs = performance.now() - t0;
    ctx.log(`server seeded with ${seeded.records} records in ${Math.round(seedMs)} ms`);

    const laptopDb = { baseUrl: server.url, token, databaseName: 'bench-sync' };
    const bare = { all: [] as number[], core: [] as number[] };
    const initial: SyncTiming[] = [];
    // The server runs on the laptop's two cores here (on another machine in real use): the bench process's CPU time (server and Playwright) is reported beside the figure.
    const benchCpuMs: number[] = [];
    let page: Page | undefined;
    const bareRun = async () => {
      const barePage = await openLaptop('bare');
      await callBench(barePage, 'loadPortfolio', dataUrl, ctx.data.today);
      const b = await callBench(barePage, 'bareBulkPut', 'bench-bare');
      bare.all.push(b.totalMs);
      bare.core.push(sum(b.byTable, CORE_TABLES));
      return b;
    };
    for (let run = 1; run <= ctx.runs; run++) {
      // The baseline once per size, before the first sync: in its fresh profile it is as steady as the sync's runs
      // (13.0–14.1 s over three runs at 10,000 clients), and each more run cost the default bench half a minute.
      const b = run === 1 ? await bareRun() : undefined;

      page = await openLaptop(`sync-${run}`);
      await new Promise((resolve) => setTimeout(resolve, SIGN_IN_MS));
      const cpu = process.cpuUsage();
      const t = await callBench(page, 'syncInitial', laptopDb);
      const used = process.cpuUsage(cpu);
      benchCpuMs.push((used.user + used.system) / 1000);
      initial.push(t);
      ctx.log(`run ${run}/${ctx.runs}: ${b ? `bare bulkPut ${Math.round(b.totalMs)} ms; ` : ''}initial sync ${Math.round(t.totalMs)} ms (core stream ${Math.round(t.coreMs ?? NaN)} ms, pulled ${Math.round(t.pulledMs)} ms, ${t.pulled} changes, reconciled ${String(t.same)})`);
    }

    // 100 changes each way on the last synced laptop: its own edits pushed (and pulled back), then the server's pulled.
    if (!page) throw new Error('bench: no sync run');
    const pushed: SyncTiming[] = [];
    const pulled: SyncTiming[] = [];
    const clients = (tables.clients ?? []).slice(-CHANGES);
    for (let run = 1; run <= ctx.runs; run++) {
      pushed.push(await callBench(page, 'syncIncremental', laptopDb, CHANGES));
      await serverEdits(server.db, user.id, clients, run);
      pulled.push(await callBench(page, 'syncIncremental', laptopDb, 0));
      ctx.log(`incremental ${run}/${ctx.runs}: ${CHANGES} local edits pushed ${Math.round(pushed.at(-1)!.totalMs)} ms, ${CHANGES} server changes pulled ${Math.round(pulled.at(-1)!.totalMs)} ms`);
    }
    // The peer last, in fresh laptops settled as the sync's were: the same records replicated by PouchDB.
    const settled = async (name: string) => {
      const p = await openLaptop(name);
      await new Promise((resolve) => setTimeout(resolve, SIGN_IN_MS));
      return p;
    };
    const peer = await peerSuite(ctx, server.db, dirname(dataDir), settled, { everythingInMs: initial.map((t) => t.pulledMs), title: "the app's initial sync until every record is in (first line)" });
    return [...figures(ctx, { initial, pushed, pulled, bare, seedMs, benchCpuMs, records: seeded.records }), ...peer];
  } finally {
    await laptop?.dispose();
    await server.close();
    await storage.dispose();
  }
}

/** Changes made on the server by another laptop (legal names of the last clients), applied as pushed mutations. */
async function serverEdits(db: Parameters<typeof applyMutation>[0], userId: string, clients: readonly WireRecord[], run: number): Promise<void> {
  for (const client of clients) {
    const [row] = await db.query<{ version: number }>("select version from records where entity = 'clients' and id = $1", [client.id]);
    const result = await applyMutation(db, userId, 'bench-other-laptop', {
      mutationId: randomUUID(), deviceId: 'bench-other-laptop', entity: 'clients', recordId: String(client.id), op: 'upsert',
      baseVersion: row?.version ?? 1, changes: { legalName: `${String(client.legalName)} (serveur ${run})` }, madeAt: new Date().toISOString(),
    });
    if (result.status !== 'applied') throw new Error(`bench: server edit of ${String(client.id)} was ${result.status}`);
  }
}

function figures(
  ctx: SizeContext,
  m: { initial: SyncTiming[]; pushed: SyncTiming[]; pulled: SyncTiming[]; bare: { all: number[]; core: number[] }; seedMs: number; benchCpuMs: number[]; records: number },
): Figure[] {
  const head = (id: string, title: string) => ({ id, title, size: ctx.size, unit: 'ms' });
  const last = m.initial.at(-1)!;
  const split = (t: SyncTiming) => `push ${Math.round(t.pushedMs)} ms, pull ${Math.round(t.pulledMs - t.pushedMs)} ms, reconciliation check ${Math.round(t.totalMs - t.pulledMs)} ms`;
  const server = 'server: src-server in the bench process, embedded storage in a temporary folder, filled by the bulk seed';
  const bareMedian = summarize(m.bare.all).median;
  const whole = summarize(m.initial.map((t) => t.totalMs)).median;
  return [
    measured(head('sync.initial', 'Initial sync of the portfolio into an empty laptop, until every record is in (real engine + server, vs bare bulkPut)'), m.initial.map((t) => t.pulledMs), {
      baseline: { title: 'bare Dexie bulkPut, same records in the app\'s layout (a row per client with its contracts, a book per client and year of invoices), once per size, in a fresh profile too', samples: m.bare.all },
      target: { text: `≤ ${EVERYTHING_IN_MS.toLocaleString('en')} ms (issue 20)`, met: (median) => median <= EVERYTHING_IN_MS },
      notes: [
        `${m.records.toLocaleString('en')} records pulled (${Object.entries(last.counts).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ')}), committed with their cursors and the clients list's read model; reconciliation after sync: ${m.initial.every((t) => t.same) ? 'same on both sides' : 'DIVERGENT'}`,
        `the engine's whole first cycle, reconciliation check included (next line): median ${Math.round(whole).toLocaleString('en')} ms = ${(whole / bareMedian).toFixed(2)} × bare bulkPut`,
        `last run: ${split(last)}; ${server} (seed ${Math.round(m.seedMs).toLocaleString('en')} ms, not counted); each sync starts ${SIGN_IN_MS.toLocaleString('en')} ms after its fresh laptop's page is ready, as after signing in (a Chromium just launched is busy with its own start for a second)`,
        `CPU time of the bench process (the server answering every page, and Playwright) during each whole cycle, taken from the same two cores as the laptop's: ${m.benchCpuMs.map((ms) => `${Math.round(ms).toLocaleString('en')} ms`).join(', ')}`,
      ],
    }),
    measured(head('sync.reconcile', 'Reconciliation check after the initial sync (count and hash of every record\'s id and version, laptop against server)'), m.initial.map((t) => t.totalMs - t.pulledMs), {
      target: { text: `≤ ${RECONCILE_MS.toLocaleString('en')} ms (issue 20)`, met: (median) => median <= RECONCILE_MS },
      notes: ['runs in the same cycle once the records are in (the clients list is already usable): compares the per-bucket digests both sides keep with every write, reading records only in a table that differs'],
    }),
    measured(head('sync.listUsable', 'Initial sync: clients and contracts committed (clients list usable) from the start'), m.initial.map((t) => t.coreMs ?? NaN), {
      baseline: { title: 'bare Dexie bulkPut of the same clients, contracts and price lists, stored as the app stores them: a row per client with its contracts (same fresh profiles)', samples: m.bare.core },
      // Every sample, not the median: a new laptop's list is usable within the target each time.
      target: { text: `≤ ${LIST_USABLE_MS.toLocaleString('en')} ms every sample (issue 20)`, met: () => m.initial.every((t) => t.coreMs !== null && t.coreMs <= LIST_USABLE_MS) },
      notes: [`time until the engine's first stream (clients, contracts, price lists) is committed with the portfolio read model — on a new laptop, contracts first, held until their client's page, each page of clients committed with them while the next pages arrive —; the history (usage, invoices) follows; ${last.listRows} client summaries in the clients list's read model at the end`],
    }),
    measured(head('sync.incremental100', `Incremental sync: ${CHANGES} local edits pushed (and pulled back)`), m.pushed.map((t) => t.totalMs), {
      target: { text: '≤ 1,000 ms', met: (median) => median <= INCREMENTAL_MS },
      notes: [`${CHANGES} clients edited through the app's repository before the timing, then one sync cycle: ${split(m.pushed.at(-1)!)}`],
    }),
    measured(head('sync.incremental100Pull', `Incremental sync: ${CHANGES} server-side changes pulled`), m.pulled.map((t) => t.totalMs), {
      target: { text: '≤ 1,000 ms', met: (median) => median <= INCREMENTAL_MS },
      notes: [`${CHANGES} clients changed on the server by another laptop, then one sync cycle of this one: ${split(m.pulled.at(-1)!)}`],
    }),
  ];
}
