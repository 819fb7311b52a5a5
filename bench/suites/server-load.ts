import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { API_ROUTES, MAX_PULL_LIMIT, pullRequestSchema, pullResponseSchema, pushRequestSchema, SeededRandom, type Mutation, type PullResponse, type PushResponse, type WireRecord } from '../../src-core';
import { createTokenFor, createUser } from '../../src-server/auth/users';
import { seedRecords, type SeedTables } from '../../src-server/seed';
import { openStorage } from '../../src-server/storage/open-storage';
import { startServerProcess, type ServerProcess } from '../../tests/server/support/server-process';
import { embeddedStorage, postgresStorage, type TestStorage } from '../../tests/server/support/storages';
import { measured, notMeasured, type Figure } from '../figures';
import { percentile, summarize } from '../stats';

/** Simulated laptops sending at the same time. */
export const LOAD_CONCURRENCY = [1, 8, 32] as const;
/** How long each (storage, request, concurrency) is driven, per run. */
const WINDOW_MS = 4_000;
/** Unmeasured load first: the server process's JIT and the storage's caches warm up. */
const WARM_UP_MS = 3_000;
/** Client edits per push: an account manager's morning of changes going up in one request. */
const EDITS_PER_PUSH = 10;
/** Changes per pull page: a laptop catching up from somewhere in the change log. */
const PULL_PAGE = 100;

export interface ServerLoadContext {
  size: number;
  runs: number;
  seed: number;
  /** The run's portfolio (bench/data.ts), seeded into the server before the load. */
  portfolioPath: string;
  log: (message: string) => void;
}

/** One simulated laptop: its own token and device id, and the clients it edits with their versions. */
interface Laptop {
  token: string;
  deviceId: string;
  clients: { id: string; version: number; contact: Record<string, unknown> }[];
  next: number;
}

/** What one window of load gave: successful requests, their latencies, and every failure. */
interface Window {
  requests: number;
  errors: number;
  latenciesMs: number[];
  elapsedMs: number;
  firstError?: string;
}

/**
 * The central API under load: N laptops (1, 8, 32) in this Node process speak
 * the sync protocol of src-core/sync over HTTP to a real server process
 * (`src-server/cli.ts serve`, as in production and in tests/server), on the
 * embedded storage and on PostgreSQL when BENCH_DATABASE_URL is set. The
 * server holds the run's portfolio (bulk seed). Push: each laptop sends edits
 * of its own clients (no conflicts), back to back. Pull: each laptop asks for
 * pages from random cursors. An error is any answer other than 200 with every
 * mutation applied (or a well-formed page), and any broken connection.
 */
export async function serverLoadSuite(ctx: ServerLoadContext): Promise<Figure[]> {
  const tables = JSON.parse(await readFile(ctx.portfolioPath, 'utf8')) as SeedTables;
  const figures: Figure[] = [];
  for (const { name, open } of benchStorages()) figures.push(...(await loadOneStorage(ctx, tables, name, open)));
  if (!process.env.BENCH_DATABASE_URL) {
    for (const op of ['push', 'pull'] as const) {
      figures.push(notMeasured(head(ctx, op, 'postgres', LOAD_CONCURRENCY[0]), 'BENCH_DATABASE_URL not set: PostgreSQL storage not measured'));
    }
  }
  return figures;
}

/** The storages the server suites measure: embedded always, PostgreSQL when BENCH_DATABASE_URL is set (a fresh schema per run). */
export function benchStorages(): { name: 'embedded' | 'postgres'; open: () => Promise<TestStorage> }[] {
  const postgresUrl = process.env.BENCH_DATABASE_URL;
  return [{ name: 'embedded', open: embeddedStorage }, ...(postgresUrl ? [{ name: 'postgres' as const, open: () => postgresStorage(postgresUrl) }] : [])];
}

function head(ctx: ServerLoadContext, op: 'push' | 'pull', storage: string, laptops: number) {
  const what = op === 'push' ? `push of ${EDITS_PER_PUSH} client edits` : `pull of a ${PULL_PAGE}-change page`;
  return { id: `server-load.${storage}.${op}.${laptops}`, title: `${storage === 'postgres' ? 'PostgreSQL' : 'Embedded'} storage: ${what}, ${laptops} laptop${laptops > 1 ? 's' : ''} at once`, size: ctx.size, unit: 'req/s' };
}

async function loadOneStorage(ctx: ServerLoadContext, tables: SeedTables, storageName: string, open: () => Promise<TestStorage>): Promise<Figure[]> {
  const storage = await open();
  let server: ServerProcess | undefined;
  try {
    // Users, tokens and the portfolio are written before the server starts: one owner of the data at a time.
    const db = await openStorage(storage.config);
    const laptops: Laptop[] = [];
    let lastSeq: number;
    try {
      const { user, token } = await createUser(db, 'banc-charge', 'account_manager');
      const tokens = [token];
      while (tokens.length < Math.max(...LOAD_CONCURRENCY)) tokens.push((await createTokenFor(db, 'banc-charge')).token);
      const t0 = performance.now();
      const seeded = await seedRecords(db, user.id, tables);
      lastSeq = seeded.lastSeq;
      ctx.log(`server-load ${storageName}: ${seeded.records} records seeded in ${Math.round(performance.now() - t0)} ms`);
      for (const [i, laptopToken] of tokens.entries()) laptops.push({ token: laptopToken, deviceId: `banc-poste-${i + 1}`, clients: [], next: 0 });
    } finally {
      await db.close();
    }

    // A deliberately high limit: this measures the server's work, not the rate limiter's refusals.
    server = await startServerProcess([...storage.cliArgs, '--rate-limit', '100000000'], storage.cliEnv);
    const baseUrl = server.url;
    await shareClients(baseUrl, laptops);
    for (const request of [(l: Laptop) => push(baseUrl, l), (l: Laptop) => pull(baseUrl, l, '0')]) {
      const warm = await drive(laptops.slice(0, 8), request, WARM_UP_MS);
      if (warm.errors > 0) throw new Error(`server-load ${storageName}: ${warm.errors} errors while warming up (first: ${warm.firstError})`);
    }

    const figures: Figure[] = [];
    for (const op of ['push', 'pull'] as const) {
      for (const count of LOAD_CONCURRENCY) {
        const active = laptops.slice(0, count);
        const runs: Window[] = [];
        for (let run = 1; run <= ctx.runs; run++) {
          const random = new SeededRandom(ctx.seed + run * 1_000 + count);
          const request = op === 'push' ? (laptop: Laptop) => push(baseUrl, laptop) : (laptop: Laptop) => pull(baseUrl, laptop, String(random.int(0, lastSeq - 1)));
          const window = await drive(active, request, WINDOW_MS);
          runs.push(window);
          ctx.log(
            `server-load ${storageName} ${op} × ${count}: run ${run}/${ctx.runs} ${Math.round((window.requests * 1000) / window.elapsedMs)} req/s, p50 ${p(window.latenciesMs, 0.5).toFixed(1)} ms, p99 ${p(window.latenciesMs, 0.99).toFixed(1)} ms, ${window.errors} errors`,
          );
        }
        figures.push(figureOf(ctx, op, storageName, count, runs));
      }
    }
    return figures;
  } finally {
    if (server) {
      const code = await server.stop();
      if (code !== 0) ctx.log(`server-load ${storageName}: server exited with ${code}:\n${server.output()}`);
    }
    await storage.dispose();
  }
}

function figureOf(ctx: ServerLoadContext, op: 'push' | 'pull', storage: string, laptops: number, runs: Window[]): Figure {
  const latencies = runs.flatMap((r) => r.latenciesMs);
  const errors = runs.reduce((n, r) => n + r.errors, 0);
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const latency = latencies.length > 0 ? summarize(latencies) : null;
  const firstError = runs.find((r) => r.firstError)?.firstError;
  return measured(
    head(ctx, op, storage, laptops),
    runs.map((r) => (r.requests * 1000) / r.elapsedMs),
    {
      target: { text: 'no error', met: () => errors === 0 },
      notes: [
        `latency over ${requests.toLocaleString('en')} requests: p50 ${latency ? p(latencies, 0.5).toFixed(1) : '—'} ms, p99 ${latency ? p(latencies, 0.99).toFixed(1) : '—'} ms (max ${latency ? latency.max.toFixed(1) : '—'} ms); ${errors} error${errors === 1 ? '' : 's'}${firstError ? ` (first: ${firstError})` : ''}; each run ${WINDOW_MS.toLocaleString('en')} ms of requests sent back to back by every laptop, after ${WARM_UP_MS.toLocaleString('en')} ms of unmeasured load; server process (\`serve\`) and laptops (this Node process, latency taken around each request) share the machine's cores`,
      ],
    },
  );
}

/** Every laptop sends `request` back to back for `ms`; a request started in the window is waited for. */
async function drive(laptops: readonly Laptop[], request: (laptop: Laptop) => Promise<void>, ms: number): Promise<Window> {
  const window: Window = { requests: 0, errors: 0, latenciesMs: [], elapsedMs: 0 };
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    laptops.map(async (laptop) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await request(laptop);
          window.latenciesMs.push(performance.now() - t0);
          window.requests += 1;
        } catch (error) {
          window.errors += 1;
          window.firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  window.elapsedMs = performance.now() - started;
  return window;
}

async function call<T>(baseUrl: string, path: string, token: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status} on ${path}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

/** Before the load: the clients, pulled as a laptop does, shared out so no two laptops edit the same one. */
async function shareClients(baseUrl: string, laptops: Laptop[]): Promise<void> {
  let cursor = '0';
  let index = 0;
  for (;;) {
    const page = pullResponseSchema.parse(await call<PullResponse>(baseUrl, API_ROUTES.pull.path, laptops[0]!.token, pullRequestSchema.parse({ cursor, limit: MAX_PULL_LIMIT, entities: ['clients'] })));
    for (const change of page.changes) {
      if (!change.record) continue;
      laptops[index++ % laptops.length]!.clients.push({ id: change.recordId, version: change.version, contact: change.record.contact as Record<string, unknown> });
    }
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  const fewest = Math.min(...laptops.map((l) => l.clients.length));
  if (fewest < EDITS_PER_PUSH) throw new Error(`bench: ${fewest} clients per laptop, ${EDITS_PER_PUSH} needed for a push (use a larger --sizes)`);
}

/** One push: the laptop's next clients get a new contact phone, on the version it last saw. */
async function push(baseUrl: string, laptop: Laptop): Promise<void> {
  const edited = Array.from({ length: EDITS_PER_PUSH }, () => laptop.clients[laptop.next++ % laptop.clients.length]!);
  const madeAt = new Date().toISOString();
  const mutations: Mutation[] = edited.map((client) => ({
    mutationId: randomUUID(),
    deviceId: laptop.deviceId,
    entity: 'clients',
    recordId: client.id,
    op: 'upsert',
    baseVersion: client.version,
    changes: { contact: { ...client.contact, phone: `+33 3 83 ${String(client.version % 100).padStart(2, '0')} 00 00` } },
    madeAt,
  }));
  const answer = await call<PushResponse>(baseUrl, API_ROUTES.push.path, laptop.token, pushRequestSchema.parse({ deviceId: laptop.deviceId, mutations }));
  if (answer.results.length !== mutations.length) throw new Error(`push: ${answer.results.length} results for ${mutations.length} mutations`);
  for (const [i, result] of answer.results.entries()) {
    if (result.status !== 'applied') throw new Error(`push: mutation ${result.status} (${'reason' in result ? result.reason : ''})`);
    const client = edited[i]!;
    client.version = result.version;
    client.contact = (result.record as WireRecord | null)?.contact as Record<string, unknown>;
  }
}

async function pull(baseUrl: string, laptop: Laptop, cursor: string): Promise<void> {
  const page = await call<PullResponse>(baseUrl, API_ROUTES.pull.path, laptop.token, { cursor, limit: PULL_PAGE });
  if (!Array.isArray(page.changes) || typeof page.nextCursor !== 'string') throw new Error('pull: malformed page');
}

/** A percentile of unsorted latencies (the report's Summary stops at p90). */
export function p(latencies: readonly number[], rank: number): number {
  return latencies.length === 0 ? Number.NaN : percentile([...latencies].sort((a, b) => a - b), rank);
}
