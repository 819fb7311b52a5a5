import Dexie, { type Table } from 'dexie';
import { fnv1a32, type YearMonth } from '../../../src-core';
import type { ContratsDb, PortfolioChunk, PortfolioDelta } from '../db';
import type { ClientSummary } from './client-summary';
import { readLastMeasuredMonth } from './overrun-index';
import { byLegalName } from './search-key';

/**
 * How the portfolio read model is stored. IndexedDB's cost is per row,
 * whatever its size (ARCHITECTURE.md): 10,000 summaries as 10,000 rows took
 * ≈ 1.6 s to write here. So:
 * - the bulk of it lives in `PORTFOLIO_CHUNKS` documents (`portfolioChunks`),
 *   each holding the summaries of the clients whose id hashes to it — written
 *   in well under a second after a new laptop's first sync, read back in
 *   ≈ 0.2–0.4 s at 10,000 clients. 64 keeps each document above the 64 KB
 *   from which Chromium stores a value apart from its LevelDB, where reading
 *   it is much faster: 256 or 512 smaller documents took ≈ 1 s to read;
 * - a change of a few clients (an edit, a pulled page) writes their summaries
 *   as small rows beside them (`portfolioDelta`), instead of rewriting the
 *   documents they live in (100 scattered edits would touch most of them);
 * - once more than `DELTA_LIMIT` rows wait, they are folded into the
 *   documents (one rewrite of the whole model); a change that large goes
 *   there directly;
 * - one more document, `HEAD_ID`, holds the first `HEAD_ROWS` clients the
 *   list shows when it opens (not archived, by legal name), written with the
 *   others: the list's first screen reads it and the small delta (a few
 *   milliseconds) instead of every summary (≈ 1 s at 10,000 clients on a
 *   loaded laptop: read, decode, rows built), which follow after that screen
 *   is painted (`readPortfolioHead`).
 */
export const PORTFOLIO_CHUNKS = 64;
export const DELTA_LIMIT = 500;
/** Key of the first screen's document, apart from the chunks' 0 … PORTFOLIO_CHUNKS − 1. */
export const HEAD_ID = -1;
/** Rows of the first screen's document: a screenful (≈ 20 rows) and its scroll margin, with room for the delta's changes. */
export const HEAD_ROWS = 100;
/** Below this many rows known, the first screen waits for the whole model (an edited head could show a half screen). */
const HEAD_MIN_ROWS = 40;

/** The summaries' tables: a transaction that writes them, or clears them, covers both (the overrun facts are another part: read-model/maintainers.ts). */
export function portfolioTables(db: ContratsDb): Table[] {
  return [db.portfolioChunks, db.portfolioDelta];
}

/** The document of a client: FNV-1a of its id, so the spread is even and stable across laptops and versions. */
export function chunkOf(clientId: string): number {
  return fnv1a32(clientId) % PORTFOLIO_CHUNKS;
}

/** The documents holding `rows` (the non-empty ones). */
export function toChunks(rows: Iterable<ClientSummary>): PortfolioChunk[] {
  const chunks: PortfolioChunk[] = Array.from({ length: PORTFOLIO_CHUNKS }, (_, id) => ({ id, rows: [] }));
  for (const row of rows) chunks[chunkOf(row.id)]!.rows.push(row);
  return chunks.filter((chunk) => chunk.rows.length > 0);
}

/** `base` with `changes` applied, by client id. */
function applied(base: readonly ClientSummary[], changes: readonly PortfolioDelta[]): ClientSummary[] {
  if (changes.length === 0) return [...base];
  const byClient = new Map(base.map((row) => [row.id, row]));
  for (const { id, summary } of changes) {
    if (summary) byClient.set(id, summary);
    else byClient.delete(id);
  }
  return [...byClient.values()];
}

/**
 * The summaries a read-write transaction read, kept until it writes them: a
 * usage import reads them to find its contracts, and the summaries' maintainer
 * to update them, in the same transaction (≈ 0.5 s each at 10,000 clients).
 * Callers never change the array they are given.
 */
const readInTransaction = new WeakMap<object, Promise<ClientSummary[]>>();

/** Every summary, in no particular order (screens sort). */
export function readPortfolio(db: ContratsDb): Promise<ClientSummary[]> {
  const tx = Dexie.currentTransaction;
  if (tx?.mode !== 'readwrite') return readStored(db);
  let read = readInTransaction.get(tx);
  if (!read) readInTransaction.set(tx, (read = readStored(db)));
  return read;
}

const CHUNK_IDS = Array.from({ length: PORTFOLIO_CHUNKS }, (_, id) => id);

/**
 * In a read transaction of its own when the caller has none: Dexie's live
 * queries deep-clone what they read outside one (≈ 0.3 s for 10,000
 * summaries), and no one changes the rows read. The chunks are got by key, a
 * request each, each decoded as it answers (one `getAll` decoded them all in
 * one task of ≈ 0.4 s on a loaded laptop, the page frozen meanwhile).
 */
function readStored(db: ContratsDb): Promise<ClientSummary[]> {
  const read = () => Promise.all([db.portfolioChunks.bulkGet(CHUNK_IDS), db.portfolioDelta.toArray()]).then(([chunks, delta]) => applied(chunks.flatMap((chunk) => chunk?.rows ?? []), delta));
  return Dexie.currentTransaction ? read() : db.transaction('r', portfolioTables(db), read);
}

/** What the clients list shows before every summary is read: its first rows, and the portfolio's last measured month (the overruns it flags). */
export interface PortfolioHead {
  /** The first clients of the list (not archived, by legal name): exactly those of the whole model, in its order. */
  rows: ClientSummary[];
  lastMeasured: YearMonth | null;
}

/**
 * The first screen of the clients list, null when its document is missing
 * (never written yet) or the changes since it leave too few rows known. The
 * document held the first `HEAD_ROWS` clients when the summaries were last
 * folded; the delta's changes are applied to it: every client that sorts
 * before the document's last row is then known (any other sorted after it
 * then, and is unchanged since), so those are the list's first rows.
 */
export async function readPortfolioHead(db: ContratsDb): Promise<PortfolioHead | null> {
  return db.transaction('r', [...portfolioTables(db), db.portfolioMeasured], async () => {
    const [head, delta, lastMeasured] = await Promise.all([db.portfolioChunks.get(HEAD_ID), db.portfolioDelta.toArray(), readLastMeasuredMonth(db)]);
    if (!head) return null;
    const rows = applied(head.rows, delta).filter((row) => !row.archived).sort(byLegalName);
    const last = head.rows.length < HEAD_ROWS ? undefined : head.rows.at(-1)!;
    const known = last ? rows.filter((row) => byLegalName(row, last) < 0) : rows;
    return known.length >= HEAD_MIN_ROWS || !last ? { rows: known, lastMeasured } : null;
  });
}

/** The first screen's document: the first `HEAD_ROWS` of `rows` not archived, by legal name (kept sorted as they come: 10,000 rows are not sorted for 100). */
function headOf(rows: Iterable<ClientSummary>): PortfolioChunk {
  const head: ClientSummary[] = [];
  for (const row of rows) {
    if (row.archived || (head.length === HEAD_ROWS && byLegalName(row, head.at(-1)!) >= 0)) continue;
    let at = head.length;
    while (at > 0 && byLegalName(row, head[at - 1]!) < 0) at--;
    head.splice(at, 0, row);
    if (head.length > HEAD_ROWS) head.pop();
  }
  return { id: HEAD_ID, rows: head };
}

/**
 * A store whose summaries were written before the first screen's document
 * existed gets it (once, on opening: read every summary, write one document;
 * a store without summaries has none to write).
 */
export async function ensurePortfolioHead(db: ContratsDb): Promise<void> {
  if (await db.portfolioChunks.get(HEAD_ID)) return;
  await db.transaction('rw', portfolioTables(db), async () => {
    const rows = await readStored(db);
    if (rows.length > 0 && !(await db.portfolioChunks.get(HEAD_ID))) await db.portfolioChunks.put(headOf(rows));
  });
}

/** The summaries are about to change (or be cleared) in the current transaction: its next read reads them again. */
export function forgetRead(): void {
  if (Dexie.currentTransaction) readInTransaction.delete(Dexie.currentTransaction);
}

/**
 * Writes `rows` and drops the summaries of `removed` clients. Runs inside the
 * caller's read-write transaction over both tables (the write gateway's scope), so
 * summaries commit with their records.
 */
export async function updateSummaries(db: ContratsDb, rows: readonly ClientSummary[], removed: readonly string[] = []): Promise<void> {
  const changes: PortfolioDelta[] = [...rows.map((summary) => ({ id: summary.id, summary })), ...removed.map((id) => ({ id, summary: null }))];
  if (changes.length === 0) return;
  forgetRead();
  // A large change (a bulk load's chunk) goes straight into the documents.
  if (changes.length > DELTA_LIMIT) return writeDocuments(db, applied(await readPortfolio(db), changes));
  await db.portfolioDelta.bulkPut(changes);
  if ((await db.portfolioDelta.count()) > DELTA_LIMIT) await writeDocuments(db, await readPortfolio(db));
}

/** Replaces the whole read model with `rows` (a rebuild). Runs inside the caller's read-write transaction over `portfolioTables`. */
export function replacePortfolio(db: ContratsDb, rows: Iterable<ClientSummary>): Promise<void> {
  return writeDocuments(db, rows);
}

/** The documents holding exactly `rows`, the delta folded in. */
async function writeDocuments(db: ContratsDb, rows: Iterable<ClientSummary>): Promise<void> {
  forgetRead();
  const all = [...rows];
  await Promise.all([db.portfolioChunks.clear(), db.portfolioDelta.clear()]);
  // An empty model has no document at all, its first screen's neither.
  if (all.length > 0) await db.portfolioChunks.bulkPut([...toChunks(all), headOf(all)]);
}
