import type { Page } from 'playwright-core';
import type { RecordChange } from '../../src-core';
import type { Queryable } from '../../src-server/storage/db';
import { pullChanges } from '../../src-server/sync/pull';
import { bundlePouchBrowser, startCouchPeer, type CouchDoc } from '../couch-peer';
import { measured, type Figure } from '../figures';
import { summarize } from '../stats';
import type { SizeContext } from './context';

/**
 * PouchDB's default batch size, and a larger one: the figure keeps the faster
 * for PouchDB (a fair peer). The default is tried in the first run only: it was
 * the slower in every run so far, and each replication costs the default
 * bench about twenty seconds of its fifteen minutes.
 */
const BATCH_SIZES = [100, 1_000] as const;
/**
 * Above this many documents (the 10,000-client portfolio: 131,592) one
 * replication takes minutes: the peer is replicated once, with the larger
 * batch (the faster at 1,000 clients in every run so far, and PouchDB's
 * advice for many small documents), so that the default bench keeps to its
 * 15 minutes. Below, every run tries both batch sizes.
 */
const LARGE_PEER_DOCS = 20_000;
/**
 * A replication still running at this multiple of the app's slowest initial
 * sync of the same run is stopped and reported as « > N s »: the app is then
 * faster by at least that factor, and a very slow peer does not hold the
 * default bench past its 15 minutes.
 */
const CAP_FACTOR = 1.5;
const MIN_CAP_MS = 30_000;
/** Records per read of the server's pull while gathering the documents (outside any timing). */
const GATHER_PAGE = 5_000;

interface Replication {
  ms: number;
  capped: boolean;
  docsWritten: number;
  docCount: number;
  benchCpuMs: number;
}

/**
 * The app's initial sync beside a peer (issue 20): the same records as the
 * server's pull sends them — every change of a pull from the start, its
 * entity, id, version, dates and record, one CouchDB document each
 * (`<entity>:<id>`: ids repeat across entities, a usage document has its
 * contract's id) — served by a CouchDB-protocol server on loopback
 * (bench/couch-peer.ts) and replicated by PouchDB into an empty laptop: a
 * fresh profile of the same Chromium, opened and left to settle as the app's
 * sync laptop is (`openLaptop`), in the same bench run. The local database
 * is created before the timing (the app's is opened before its sync too);
 * the timing runs until the replication is complete, then the laptop's
 * document count is checked.
 */
export async function peerSuite(
  ctx: SizeContext,
  server: Queryable,
  tmp: string,
  openLaptop: (name: string) => Promise<Page>,
  app: { everythingInMs: number[]; title: string },
): Promise<Figure[]> {
  const docs = await pulledDocuments(server);
  const bytes = docs.reduce((total, doc) => total + Buffer.byteLength(JSON.stringify(doc)), 0);
  const t0 = performance.now();
  const couch = await startCouchPeer(docs, { gzip: true });
  ctx.log(`PouchDB peer filled with ${couch.docCount} documents (${(bytes / 2 ** 20).toFixed(1)} MB of JSON) in ${Math.round(performance.now() - t0)} ms`);
  const script = await bundlePouchBrowser(tmp);
  const capMs = Math.max(MIN_CAP_MS, CAP_FACTOR * Math.max(...app.everythingInMs));
  const large = docs.length > LARGE_PEER_DOCS;
  const batchSizes: readonly number[] = large ? [BATCH_SIZES[1]] : BATCH_SIZES;
  const runs = large ? 1 : ctx.runs;
  const byBatch = new Map<number, Replication[]>(batchSizes.map((b) => [b, []]));
  try {
    for (let run = 1; run <= runs; run++) {
      for (const batchSize of batchSizes) {
        const earlier = byBatch.get(batchSize)!;
        // Once stopped at the cap, a batch size is not tried again: it would only be stopped again.
        if (earlier.some((r) => r.capped)) continue;
        if (batchSize === BATCH_SIZES[0] && run > 1) continue;
        const page = await openLaptop(`peer-${batchSize}-${run}`);
        await page.addScriptTag({ path: script });
        const result = await replicate(page, couch.dbUrl, batchSize, capMs);
        if (!result.capped && (result.docsWritten !== couch.docCount || result.docCount !== couch.docCount)) {
          throw new Error(`bench: PouchDB replicated ${result.docsWritten} documents (${result.docCount} in the laptop), ${couch.docCount} expected`);
        }
        earlier.push(result);
        ctx.log(`run ${run}/${runs}: PouchDB replication, batch_size ${batchSize}: ${result.capped ? `stopped at ${Math.round(capMs)} ms (${result.docsWritten} documents written)` : `${Math.round(result.ms)} ms`}`);
      }
    }
  } finally {
    await couch.close();
  }
  return [figure(ctx, byBatch, capMs, app, { docs: docs.length, bytes })];
}

/** Every change a pull from the start sends (all entities, in the server's order), as CouchDB documents. */
async function pulledDocuments(server: Queryable): Promise<CouchDoc[]> {
  const changes: RecordChange[] = [];
  let cursor = '0';
  for (;;) {
    const page = await pullChanges(server, { cursor, limit: GATHER_PAGE }, Number.POSITIVE_INFINITY);
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  return changes.map((change) => ({ _id: `${change.entity}:${change.recordId}`, ...change }));
}

/** One replication into the page's new PouchDB database, timed in the page; stopped at `capMs`. */
async function replicate(page: Page, dbUrl: string, batchSize: number, capMs: number): Promise<Replication> {
  const cpu = process.cpuUsage();
  const result = await page.evaluate(
    async ([url, batch_size, cap]) => {
      interface PouchReplication extends Promise<{ docs_written: number; status: string }> {
        cancel(): void;
      }
      interface PouchLocal {
        info(): Promise<{ doc_count: number }>;
        replicate: { from(url: string, options: { batch_size: number }): PouchReplication };
      }
      const Pouch = (window as unknown as { PouchDB: new (name: string) => PouchLocal }).PouchDB;
      const db = new Pouch('peer');
      await db.info(); // opens (creates) the IndexedDB database, outside the timing
      const start = performance.now();
      const replication = db.replicate.from(url, { batch_size });
      let capped = false;
      const timer = setTimeout(() => {
        capped = true;
        replication.cancel();
      }, cap);
      const done = await replication;
      const ms = performance.now() - start;
      clearTimeout(timer);
      return { ms: capped ? cap : ms, capped, docsWritten: done.docs_written, docCount: (await db.info()).doc_count };
    },
    [dbUrl, batchSize, capMs] as [string, number, number],
  );
  const used = process.cpuUsage(cpu);
  return { ...result, benchCpuMs: (used.user + used.system) / 1000 };
}

function figure(ctx: SizeContext, byBatch: Map<number, Replication[]>, capMs: number, app: { everythingInMs: number[]; title: string }, data: { docs: number; bytes: number }): Figure {
  const median = (runs: Replication[]) => summarize(runs.map((r) => r.ms)).median;
  const [best, bestRuns] = [...byBatch.entries()].sort((a, b) => median(a[1]) - median(b[1]))[0]!;
  const others = [...byBatch.entries()].filter(([b]) => b !== best);
  const capped = bestRuns.some((r) => r.capped);
  const appMedian = summarize(app.everythingInMs).median;
  const peerMedian = median(bestRuns);
  const ratio = appMedian / peerMedian;
  const seconds = (ms: number) => `${(ms / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} s`;
  const peerText = capped ? `> ${seconds(capMs)} (stopped at the cap)` : seconds(peerMedian);
  const verdict = ratio < 1 ? `the app is faster (${capped ? 'more than ' : ''}${(1 / ratio).toFixed(2)} × PouchDB's speed)` : `PouchDB is faster (${ratio.toFixed(2)} × the app's speed)`;
  const runsText = (runs: Replication[]) => runs.map((r) => (r.capped ? `> ${seconds(capMs)}` : seconds(r.ms))).join(', ');
  return measured(
    { id: 'sync.peerPouchDB', title: `PouchDB replication of the same documents into an empty laptop (peer: CouchDB protocol on loopback)${capped ? ', stopped at the cap: a lower bound' : ''}`, size: ctx.size, unit: 'ms' },
    bestRuns.map((r) => r.ms),
    {
      baseline: { title: `${app.title}, same run (app ÷ PouchDB = ${capped ? '< ' : ''}${ratio.toFixed(2)})`, samples: app.everythingInMs },
      target: { text: 'the app\'s initial sync faster (app ÷ PouchDB < 1)', met: (peer) => appMedian < peer },
      notes: [
        `ratio app ÷ PouchDB = ${capped ? '< ' : ''}${ratio.toFixed(2)}: app ${seconds(appMedian)} (everything in, median), PouchDB ${peerText} (median) — ${verdict}`,
        `${data.docs.toLocaleString('en')} documents, ${(data.bytes / 2 ** 20).toFixed(1)} MB of JSON: every change of the server's pull from the start, as it sends them (entity, id, version, dates, record), one document each with id \`<entity>:<id>\`; put into the peer before the timing`,
        `PouchDB 9.0.0 (pouchdb-browser, its idb adapter) in the page of a fresh profile of the same Chromium, each replication after the same settling time as the app's sync; \`db.replicate.from(url, { batch_size })\` until complete, then the laptop's document count checked; server: express-pouchdb 4.2.0 (minimumForPouchDB mode, gzip on as it ships) on PouchDB's in-memory adapter, in the bench process like the app's server`,
        others.length > 0
          ? `batch_size ${best} kept (the faster for PouchDB): ${runsText(bestRuns)}; ${others.map(([b, runs]) => `batch_size ${b}${b === BATCH_SIZES[0] ? ' (the default, tried in the first run only)' : ''}: ${runsText(runs)}`).join('; ')}`
          : `one replication with batch_size ${best} (above ${LARGE_PEER_DOCS.toLocaleString('en')} documents, to keep the bench in its time; the faster batch size at 1,000 clients): ${runsText(bestRuns)}`,
        `a replication is stopped at ${CAP_FACTOR} × the app's slowest initial sync of the run (at least ${seconds(MIN_CAP_MS)}): ${seconds(capMs)} here`,
        `CPU time of the bench process (the peer server answering, and Playwright) during each replication kept: ${bestRuns.map((r) => `${Math.round(r.benchCpuMs).toLocaleString('en')} ms`).join(', ')}`,
      ],
    },
  );
}
