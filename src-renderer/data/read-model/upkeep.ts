import type { Table } from 'dexie';
import type { EntityType } from '../../../src-core';
import type { ContratsDb } from '../db';
import { storedPriceLists } from '../price-lists';
import { summarizeClients, type ClientSummary } from './client-summary';
import { portfolioTables, updateSummaries } from './portfolio-chunks';

/** Entities the portfolio read model is derived from: writing one of them refreshes its client's row in the same transaction. */
const SOURCES: ReadonlySet<EntityType> = new Set<EntityType>(['clients', 'contracts', 'usage']);

export const feedsSummaries = (entity: EntityType): boolean => SOURCES.has(entity);

/** The sources a summary is computed from, and the summaries: what a transaction that rewrites summaries covers (the price lists give the limits). */
export function readModelScope(db: ContratsDb): Table[] {
  return [db.clientRows, db.usage, db.priceLists, ...portfolioTables(db)];
}

/** The client a written record belongs to (none for entities the read model ignores). */
export function summaryClientOf(entity: EntityType, record: object | null | undefined): string | undefined {
  if (!record || !feedsSummaries(entity)) return undefined;
  const r = record as { id: string; clientId?: string };
  return entity === 'clients' ? r.id : r.clientId;
}

/** The summaries a write rewrote, and the clients whose summary it dropped: what the parts derived from them follow. */
export interface SummaryChange {
  changed: ClientSummary[];
  removed: string[];
}

/**
 * Recomputes the summary rows of `clientIds` (at least one) from their stored
 * records; a client that no longer exists loses its row. Runs inside the
 * caller's read-write transaction (the write gateway's scope), so a record and
 * its summary are committed together.
 */
export async function refreshSummaries(db: ContratsDb, clientIds: Iterable<string>): Promise<SummaryChange> {
  const ids = [...new Set(clientIds)];
  const changed: ClientSummary[] = [];
  const removed: string[] = [];
  // Read inside the caller's transaction (readModelScope covers the lists): a summary is judged against the lists committed with it.
  const lists = await storedPriceLists(db);
  // A chunk at a time: a usage import refreshes thousands of clients, and each read holds the main thread while it is decoded.
  for (let start = 0; start < ids.length; start += REFRESH_CHUNK) {
    const slice = ids.slice(start, start + REFRESH_CHUNK);
    const files = await db.clientRows.bulkGet(slice);
    removed.push(...slice.filter((_, i) => !files[i]?.client));
    const present = files.filter((f) => f?.client !== undefined);
    const contracts = present.flatMap((f) => f!.contracts);
    // A summary reads the usage of the client's own contracts only: got by key (usage id = contract id),
    // pipelined, where an index range per client would cost one cursor step each.
    const usage = (await db.usage.bulkGet(contracts.map((c) => c.id))).filter((u) => u !== undefined);
    changed.push(...summarizeClients(present.map((f) => f!.client!), contracts, usage, lists));
  }
  await updateSummaries(db, changed, removed);
  return { changed, removed };
}

const REFRESH_CHUNK = 250;
