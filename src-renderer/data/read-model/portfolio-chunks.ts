import Dexie, { type Table } from 'dexie';
import { fnv1a32 } from '../../../src-core';
import type { ContratsDb, PortfolioChunk, PortfolioDelta } from '../db';
import type { ClientSummary } from './client-summary';

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
 *   there directly.
 */
export const PORTFOLIO_CHUNKS = 64;
export const DELTA_LIMIT = 500;

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

function readStored(db: ContratsDb): Promise<ClientSummary[]> {
  return Promise.all([db.portfolioChunks.toArray(), db.portfolioDelta.toArray()]).then(([chunks, delta]) => applied(chunks.flatMap((chunk) => chunk.rows), delta));
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
  await Promise.all([db.portfolioChunks.clear(), db.portfolioDelta.clear()]);
  await db.portfolioChunks.bulkPut(toChunks(rows));
}
