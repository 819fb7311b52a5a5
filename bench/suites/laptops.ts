import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Client } from '../../src-core';
import { SYNC_KEYS, readSyncValue, type ReconcileReport } from '../../src-renderer/data/sync-state';
import { createUser } from '../../src-server/auth/users';
import { seedRecords, type SeedTables } from '../../src-server/seed';
import { openStorage } from '../../src-server/storage/open-storage';
import { startServerProcess, type ServerProcess } from '../../tests/server/support/server-process';
import type { TestStorage } from '../../tests/server/support/storages';
import { openLaptop, type Laptop } from '../../tests/sync/support/laptop';
import { measured, notMeasured, type Figure, type FigureHead } from '../figures';
import { benchStorages, p } from './server-load';

/**
 * The portfolio the laptops sync: 20 first syncs of the 1,000-client one
 * (13,179 records each, into fake-indexeddb in the bench's one Node process)
 * took 3 to 8 minutes of the default run's 15, the simulator's writes setting
 * the pace rather than the server.
 */
export const LAPTOPS_PORTFOLIO_CLIENTS = 300;
/** Laptops at work at once: each level adds newcomers to the laptops already at work. */
export const LAPTOP_COUNTS = [5, 10, 20] as const;
/** How long every laptop of a level edits and syncs back to back once all are in. */
const CYCLE_WINDOW_MS = 6_000;
/** Clients a laptop edits before each sync: a few changes of an account manager going up together. */
const EDITS_PER_CYCLE = 3;
/** While newcomers make their first sync, the laptops already in sync this long after each edit: the engine's `nudge` delay, an account manager's pace. */
const NUDGE_MS = 1_500;
/** The app's own request timeout (api-client.ts): a request slower than this fails for a person too. */
const APP_TIMEOUT_MS = 30_000;
const SAMPLE_EVERY_MS = 100;

export interface LaptopsContext {
  size: number;
  /** The run's portfolio (bench/data.ts), seeded into the server before the laptops sign in. */
  portfolioPath: string;
  log: (message: string) => void;
}

/** One HTTP request of a laptop, as its engine made it (through the metered fetch). */
interface RequestRecord {
  path: string;
  startedAt: number;
  ms: number;
  ok: boolean;
}

/** Every failure of a level: a request that did not answer 2xx, an engine error, a laptop that did not converge. */
interface Errors {
  count: number;
  first?: string;
}

/** One simulated laptop at work: the real data layer and sync engine, its user, the clients it edits. */
interface Worker {
  index: number;
  laptop: Laptop;
  actor: string;
  /** Its share of the portfolio's clients: no two laptops edit the same client, so a conflict is a server bug. */
  clients: string[];
  edits: number;
}

/**
 * The central API under many laptops (issue 20): up to 20 simulated laptops —
 * each the real data layer and sync engine of src-renderer on its own
 * fake-indexeddb, in this Node process, signed in as its own account manager —
 * against one server process (`serve`), on the embedded storage and on
 * PostgreSQL when BENCH_DATABASE_URL is set. At each level (5, 10, 20 laptops
 * at work) the newcomers make their first sync of the portfolio at once while
 * the laptops already in keep working; then every laptop edits a few of its
 * own clients and syncs (push, pull of the others' changes), back to back, for
 * a fixed window; then each syncs once more and every laptop must hold every
 * edit at the editor's version. Measured: pull pages served per second, push
 * and pull-page latency (around each request, body read), server memory (peak
 * RSS, /proc) and CPU time, every error.
 */
export async function laptopsSuite(ctx: LaptopsContext): Promise<Figure[]> {
  const tables = JSON.parse(await readFile(ctx.portfolioPath, 'utf8')) as SeedTables;
  const figures: Figure[] = [];
  for (const { name, open } of benchStorages()) figures.push(...(await oneStorage(ctx, tables, name, open)));
  if (!process.env.BENCH_DATABASE_URL) {
    for (const count of LAPTOP_COUNTS) figures.push(notMeasured(head(ctx, 'postgres', count, 'pages'), 'BENCH_DATABASE_URL not set: PostgreSQL storage not measured', 'no error'));
  }
  return figures;
}

type Measure = 'join' | 'pages' | 'push' | 'pull' | 'rss';

function head(ctx: LaptopsContext, storage: string, count: number, measure: Measure): FigureHead {
  const store = storage === 'postgres' ? 'PostgreSQL' : 'Embedded';
  const what: Record<Measure, [string, string]> = {
    join: ['newcomers’ first sync of the portfolio, all in', 'ms'],
    pages: ['pull pages served per second while every laptop edits and syncs', 'pages/s'],
    push: ['push latency while every laptop edits and syncs', 'ms'],
    pull: ['pull page latency while every laptop edits and syncs', 'ms'],
    rss: ['server process memory, peak RSS', 'MB'],
  };
  const [title, unit] = what[measure];
  return { id: `laptops.${storage}.${measure}.${count}`, title: `${store} storage, ${count} laptops at work: ${title}`, size: ctx.size, unit };
}

/** What one level gave, kept until the last level to print how each measure grew from 5 to 20 laptops. */
interface Level {
  count: number;
  newcomers: number;
  joinMs: number[];
  joinRecords: number;
  /** Newcomers whose first check saw the server move between its digest and theirs (colleagues' edits meanwhile). */
  movedChecks: number;
  joinElapsedMs: number;
  joinPulls: RequestRecord[];
  window: { pulls: RequestRecord[]; pushes: RequestRecord[]; cycles: number; elapsedMs: number; serverCpuMs: number; benchCpuMs: number };
  rss: { beforeMB: number; peakMB: number } | null;
  errors: Errors;
}

async function oneStorage(ctx: LaptopsContext, tables: SeedTables, storageName: string, open: () => Promise<TestStorage>): Promise<Figure[]> {
  const storage = await open();
  let server: ServerProcess | undefined;
  const workers: Worker[] = [];
  try {
    // Users and the portfolio are written before the server starts: one owner of the data at a time.
    const db = await openStorage(storage.config);
    const tokens: string[] = [];
    try {
      for (let i = 1; i <= Math.max(...LAPTOP_COUNTS); i++) tokens.push((await createUser(db, `banc-poste-${i}`, 'account_manager')).token);
      const t0 = performance.now();
      const seeded = await seedRecords(db, (await db.query<{ id: string }>("select id from users where name = 'banc-poste-1'"))[0]!.id, tables);
      ctx.log(`laptops ${storageName}: ${seeded.records} records seeded in ${Math.round(performance.now() - t0)} ms`);
    } finally {
      await db.close();
    }
    // A deliberately high limit, as in the server load: laptops syncing back to back would meet the per-token limit (1,200/min) before the server's own limits.
    server = await startServerProcess([...storage.cliArgs, '--rate-limit', '100000000'], storage.cliEnv);
    const url = server.url;
    const clientIds = (tables.clients ?? []).map((c) => c.id as string);
    const requests: RequestRecord[] = [];
    const levels: Level[] = [];
    for (const count of LAPTOP_COUNTS) {
      const errors: Errors = { count: 0 };
      const fail = (message: string) => {
        errors.count += 1;
        errors.first ??= message;
      };
      const sampler = serverSampler(server.pid);
      const atWork = [...workers];
      const newcomers: Worker[] = [];
      for (let index = workers.length; index < count; index++) {
        const laptop = await openLaptop(`banc-${storageName}-${index + 1}`, () => url, {
          token: tokens[index]!,
          engine: { baseUrl: url, fetch: meteredFetch(requests, fail), timeoutMs: APP_TIMEOUT_MS },
        });
        const worker: Worker = { index, laptop, actor: `Poste de banc ${index + 1}`, clients: clientIds.filter((_, i) => i % Math.max(...LAPTOP_COUNTS) === index), edits: 0 };
        newcomers.push(worker);
        workers.push(worker);
      }

      // The newcomers sync for the first time, all at once, while the laptops already in keep working.
      const joinStart = performance.now();
      const firstRequest = requests.length;
      let joined = false;
      const working = Promise.all(atWork.map((w) => cycleUntil(w, () => joined, fail, NUDGE_MS)));
      const joinMs: number[] = [];
      let joinRecords = 0;
      let movedChecks = 0;
      await Promise.all(
        newcomers.map(async (w) => {
          const t0 = performance.now();
          try {
            const result = await w.laptop.engine.syncNow();
            joinMs.push(performance.now() - t0);
            joinRecords += result.pulled;
            // While others edit, the server may move between the laptop's pull and its check: the engine checks again at the next sync (verified after the last one).
            if (!result.reconcile) fail(`laptop ${w.index + 1}: no reconciliation check after its first sync`);
            else if (!result.reconcile.same) movedChecks += 1;
            const grantProblem = await readSyncValue<string>(w.laptop.data.db, SYNC_KEYS.grantProblem);
            if (grantProblem) fail(`laptop ${w.index + 1}: numbering series refused: ${grantProblem}`);
          } catch (error) {
            fail(`laptop ${w.index + 1} first sync: ${message(error)}`);
          }
        }),
      );
      const joinElapsedMs = performance.now() - joinStart;
      const joinPulls = requests.slice(firstRequest).filter((r) => r.path === '/sync/pull');
      joined = true;
      await working;
      ctx.log(`laptops ${storageName} × ${count}: ${newcomers.length} first syncs in ${Math.round(joinElapsedMs)} ms (${atWork.length} laptops at work meanwhile), ${errors.count} errors`);

      // Every laptop edits and syncs, back to back, for the window.
      const windowStart = performance.now();
      const windowFirst = requests.length;
      const cpuBefore = { server: sampler.cpuMs(), bench: process.cpuUsage() };
      const end = windowStart + CYCLE_WINDOW_MS;
      const cycles = (await Promise.all(workers.map((w) => cycleUntil(w, () => performance.now() >= end, fail)))).reduce((a, b) => a + b, 0);
      const elapsedMs = performance.now() - windowStart;
      const benchCpu = process.cpuUsage(cpuBefore.bench);
      const inWindow = requests.slice(windowFirst);
      const window = {
        pulls: inWindow.filter((r) => r.path === '/sync/pull'),
        pushes: inWindow.filter((r) => r.path === '/sync/push'),
        cycles,
        elapsedMs,
        serverCpuMs: sampler.cpuMs() - cpuBefore.server,
        benchCpuMs: (benchCpu.user + benchCpu.system) / 1000,
      };

      // Once more each, with nobody editing: every laptop must then hold every edit as its editor does.
      await Promise.all(workers.map((w) => w.laptop.engine.syncNow().catch((error: unknown) => fail(`laptop ${w.index + 1} last sync: ${message(error)}`))));
      await checkConverged(workers, fail);
      for (const w of workers) {
        const report = await readSyncValue<ReconcileReport>(w.laptop.data.db, SYNC_KEYS.reconcile);
        if (!report?.same) fail(`laptop ${w.index + 1}: last reconciliation check not same (${JSON.stringify(report?.tables)})`);
      }
      const rss = sampler.stop();
      levels.push({ count, newcomers: newcomers.length, joinMs, joinRecords, movedChecks, joinElapsedMs, joinPulls, window, rss, errors });
      ctx.log(
        `laptops ${storageName} × ${count}: ${cycles} cycles in ${Math.round(elapsedMs)} ms, ${Math.round((window.pulls.length * 1000) / elapsedMs)} pages/s, push p50 ${p(window.pushes.map((r) => r.ms), 0.5).toFixed(0)} ms p99 ${p(window.pushes.map((r) => r.ms), 0.99).toFixed(0)} ms, server peak RSS ${rss?.peakMB.toFixed(0) ?? '—'} MB, ${errors.count} errors${errors.first ? ` (first: ${errors.first})` : ''}`,
      );
    }
    return figuresOf(ctx, storageName, levels);
  } finally {
    workers.forEach((w) => w.laptop.close());
    if (server) {
      const code = await server.stop();
      if (code !== 0) ctx.log(`laptops ${storageName}: server exited with ${code}:\n${server.output()}`);
    }
    await storage.dispose();
  }
}

function figuresOf(ctx: LaptopsContext, storage: string, levels: readonly Level[]): Figure[] {
  const first = levels[0]!;
  const last = levels.at(-1)!;
  /** On the last level's figures: how the measure grew from the first level. */
  const growth = (value: (level: Level) => number, digits: number, unit: string) => {
    if (levels.length < 2) return [];
    const values = levels.map((l) => `${l.count}: ${value(l).toFixed(digits)} ${unit}`).join(', ');
    return [`from ${first.count} to ${last.count} laptops (×${(last.count / first.count).toFixed(0)}): ×${(value(last) / value(first)).toFixed(2)} (${values})`];
  };
  const figures: Figure[] = [];
  for (const level of levels) {
    const isLast = level === last;
    const target = { text: 'no error', met: () => level.errors.count === 0 };
    const errors = `${level.errors.count} error${level.errors.count === 1 ? '' : 's'} in the level (failed requests, engine errors, laptops not converged)${level.errors.first ? ` — first: ${level.errors.first}` : ''}`;
    const { window } = level;
    const perSecond = (n: number, ms: number) => (n * 1000) / ms;
    const latency = (records: RequestRecord[]) => records.filter((r) => r.ok).map((r) => r.ms);
    const quantiles = (ms: number[]) =>
      ms.length
        ? `p50 ${p(ms, 0.5).toFixed(1)} ms, p99 ${p(ms, 0.99).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms over ${ms.length.toLocaleString('en')} requests (timed in the laptops' process: includes its event loop's delay while the other laptops write)`
        : 'no request answered';
    const oneFigure = (measure: Measure, samples: number[], notes: string[]) =>
      samples.length ? measured(head(ctx, storage, level.count, measure), samples, { target, notes }) : { ...notMeasured(head(ctx, storage, level.count, measure), 'no request answered', target.text), notes };

    const joinPulls = latency(level.joinPulls);
    figures.push(
      oneFigure('join', level.joinMs, [
        `${level.newcomers} laptops make their first sync at once (pull of both streams, numbering series, reconciliation check) while ${level.count - level.newcomers} already in keep editing and syncing (a sync ${NUDGE_MS.toLocaleString('en')} ms after each edit, the engine's nudge); each laptop is the app's data layer and sync engine on fake-indexeddb in the bench's Node process, signed in as its own account manager; a portfolio of ${ctx.size.toLocaleString('en')} clients of its own (same generator and seed), so that 20 laptops' first syncs fit in the bench's time`,
        `${level.joinRecords.toLocaleString('en')} records pulled in ${Math.round(level.joinElapsedMs).toLocaleString('en')} ms (${Math.round(perSecond(level.joinRecords, level.joinElapsedMs)).toLocaleString('en')} records/s), ${perSecond(level.joinPulls.length, level.joinElapsedMs).toFixed(1)} pull pages/s served; pull page latency ${quantiles(joinPulls)}`,
        ...(level.movedChecks > 0
          ? [`${level.movedChecks} of the ${level.newcomers} newcomers' first reconciliation checks found the server's digest moved by the colleagues' edits made meanwhile (not an error: the engine checks again at the next sync; every laptop's last check, with nobody editing, is required to match)`]
          : []),
        errors,
        ...(isLast ? growth((l) => summaryMedian(l.joinMs), 0, 'ms') : []),
      ]),
    );
    const pagesPerSecond = perSecond(window.pulls.length, window.elapsedMs);
    figures.push(
      oneFigure('pages', [pagesPerSecond], [
        `${level.count} laptops, each editing ${EDITS_PER_CYCLE} of its own clients then syncing (push, then pull of both streams: the others' changes), back to back for ${CYCLE_WINDOW_MS.toLocaleString('en')} ms: ${window.cycles} syncs, ${window.pushes.length} pushes, ${window.pulls.length} pull pages`,
        `server process CPU ${((window.serverCpuMs / window.elapsedMs) * 100).toFixed(0)} % of one core${storage === 'postgres' ? ' (PostgreSQL’s own processes not counted)' : ''}, the laptops' Node process ${((window.benchCpuMs / window.elapsedMs) * 100).toFixed(0)} % — both on the machine's cores with the rest of its load`,
        errors,
        ...(isLast ? growth((l) => perSecond(l.window.pulls.length, l.window.elapsedMs), 1, 'pages/s') : []),
      ]),
    );
    const pushMs = latency(window.pushes);
    figures.push(oneFigure('push', pushMs, [`${quantiles(pushMs)} (each ${EDITS_PER_CYCLE} client edits or fewer)`, ...(isLast ? [...growth((l) => p(latency(l.window.pushes), 0.5), 1, 'ms p50'), ...growth((l) => p(latency(l.window.pushes), 0.99), 1, 'ms p99')] : [])]));
    const pullMs = latency(window.pulls);
    figures.push(oneFigure('pull', pullMs, [quantiles(pullMs), ...(isLast ? [...growth((l) => p(latency(l.window.pulls), 0.5), 1, 'ms p50'), ...growth((l) => p(latency(l.window.pulls), 0.99), 1, 'ms p99')] : [])]));
    figures.push(
      level.rss
        ? measured(head(ctx, storage, level.count, 'rss'), [level.rss.peakMB], {
            target,
            notes: [
              `sampled every ${SAMPLE_EVERY_MS} ms in /proc/<pid>/status (VmRSS) through the level (first syncs, window, last sync); ${level.rss.beforeMB.toFixed(0)} MB when it began${storage === 'postgres' ? '; PostgreSQL’s own processes not counted' : ''}`,
              ...(isLast ? growth((l) => l.rss?.peakMB ?? Number.NaN, 0, 'MB') : []),
            ],
          })
        : notMeasured(head(ctx, storage, level.count, 'rss'), 'no /proc on this system'),
    );
  }
  return figures;
}

const summaryMedian = (samples: readonly number[]) => (samples.length ? p(samples, 0.5) : Number.NaN);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The laptop's fetch, timed from the request to the last byte of the answer
 * (the engine then reads the body kept here); any answer other than 2xx, or no
 * answer, is an error of the level.
 */
function meteredFetch(requests: RequestRecord[], fail: (message: string) => void): typeof fetch {
  return async (input, init) => {
    const path = new URL(String(input)).pathname;
    const startedAt = performance.now();
    try {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      requests.push({ path, startedAt, ms: performance.now() - startedAt, ok: response.ok });
      if (!response.ok) fail(`HTTP ${response.status} on ${path}: ${new TextDecoder().decode(body).slice(0, 200)}`);
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      requests.push({ path, startedAt, ms: performance.now() - startedAt, ok: false });
      fail(`${path}: ${message(error)}`);
      throw error;
    }
  };
}

/** Edit and sync until `done`, `pauseMs` between two cycles; returns the cycles made. A sync refused, or a push answered with a conflict or a refusal (no two laptops edit the same client), is an error. */
async function cycleUntil(worker: Worker, done: () => boolean, fail: (message: string) => void, pauseMs = 0): Promise<number> {
  let cycles = 0;
  while (!done()) {
    try {
      await edit(worker);
      const { pushed } = await worker.laptop.engine.syncNow();
      if (pushed.conflicts + pushed.rejected > 0) fail(`laptop ${worker.index + 1}: ${pushed.conflicts} conflicts, ${pushed.rejected} refused in a push of its own clients`);
      cycles += 1;
      if (pauseMs > 0) await sleep(pauseMs);
    } catch (error) {
      fail(`laptop ${worker.index + 1} sync: ${message(error)}`);
      // An engine that fails at once would otherwise spin without giving the server a breath.
      await sleep(100);
    }
  }
  return cycles;
}

/** The next clients of the laptop's share get a new phone number, through the app’s own client command (audit, outbox, read model). */
async function edit(worker: Worker): Promise<void> {
  for (let i = 0; i < EDITS_PER_CYCLE; i++) {
    const n = worker.edits++;
    const id = worker.clients[n % worker.clients.length]!;
    const client = await worker.laptop.data.db.clients.get(id);
    if (!client) throw new Error(`client ${id} missing on laptop ${worker.index + 1}`);
    const phone = `+33 3 83 ${String(worker.index + 10)} ${String(Math.floor(n / 100) % 100).padStart(2, '0')} ${String(n % 100).padStart(2, '0')}`;
    await worker.laptop.data.commands.clients.update(id, { contact: { ...client.contact, phone } }, worker.actor);
  }
}

/** Every laptop holds each edited client at the version and with the phone its editor holds (the editor's copy is the server's answer to its push). */
async function checkConverged(workers: readonly Worker[], fail: (message: string) => void): Promise<void> {
  for (const editor of workers) {
    const ids = editor.clients.slice(0, Math.min(editor.edits, editor.clients.length));
    const theirs = await editor.laptop.data.db.clients.bulkGet(ids);
    for (const other of workers) {
      if (other === editor) continue;
      const seen = await other.laptop.data.db.clients.bulkGet(ids);
      seen.forEach((client: Client | undefined, i) => {
        const expected = theirs[i];
        if (client?.version !== expected?.version || client?.contact.phone !== expected?.contact.phone) {
          fail(`laptop ${other.index + 1} holds client ${ids[i]} at version ${client?.version}, laptop ${editor.index + 1} (its editor) at ${expected?.version}`);
        }
      });
    }
  }
}

/**
 * The server process's memory and CPU time, from /proc (Linux): resident set
 * sampled every 100 ms, peak kept. Null where /proc is missing.
 */
function serverSampler(pid: number) {
  const status = () => readFileSyncOrNull(`/proc/${pid}/status`);
  const rssMB = () => {
    const kB = /VmRSS:\s+(\d+) kB/.exec(status() ?? '')?.[1];
    return kB ? Number(kB) / 1024 : null;
  };
  const before = rssMB();
  let peak = before ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMB() ?? 0)), SAMPLE_EVERY_MS);
  return {
    /** User + system CPU time of the process so far. */
    cpuMs(): number {
      const stat = readFileSyncOrNull(`/proc/${pid}/stat`);
      if (!stat) return Number.NaN;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
    },
    stop(): { beforeMB: number; peakMB: number } | null {
      clearInterval(timer);
      peak = Math.max(peak, rssMB() ?? 0);
      return before === null ? null : { beforeMB: before, peakMB: peak };
    },
  };
}

function readFileSyncOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

let ticks: number | undefined;
/** Clock ticks per second of /proc/<pid>/stat's CPU times (100 on Linux almost everywhere, asked once). */
function clockTicks(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticks;
}
