import type { Table } from 'dexie';
import type { EntityType } from '../../../src-core';
import type { ContratsDb } from '../db';
import { storedPriceLists } from '../price-lists';
import { summarizeClients, type ClientSummary } from './client-summary';
import { refreshRegularisations } from './overrun-index';
import { portfolioTables, updateSummaries } from './portfolio-chunks';

/** Entities the portfolio read model is derived from: writing one of them refreshes its client's row in the same transaction. */
const SOURCES: ReadonlySet<EntityType> = new Set<EntityType>(['clients', 'contracts', 'usage']);

export const feedsSummaries = (entity: EntityType): boolean => SOURCES.has(entity);

/** The sources a summary is computed from, and the read model: what a transaction that rebuilds summaries covers (the invoices tell which overruns are regularised, the price lists the limits). */
export function readModelScope(db: ContratsDb): Table[] {
  return [db.clientRows, db.usage, db.invoices, db.priceLists, ...portfolioTables(db)];
}

/** Tables a read-write transaction must also cover when it writes any of `entities` (invoices: the overrun rows they regularise). */
export function summaryTables(db: ContratsDb, entities: Iterable<EntityType>): Table[] {
  const list = [...entities];
  if (list.some(feedsSummaries)) return readModelScope(db);
  return list.includes('invoices') ? [db.overrunFacts] : [];
}

/** The contract whose overruns a written invoice may regularise (none for other entities). */
export function regularisedContractOf(entity: EntityType, record: object | null | undefined): string | undefined {
  return entity === 'invoices' && record ? (record as { contractId?: string }).contractId : undefined;
}

/** The client a written record belongs to (none for entities the read model ignores). */
export function summaryClientOf(entity: EntityType, record: object | null | undefined): string | undefined {
  if (!record || !feedsSummaries(entity)) return undefined;
  const r = record as { id: string; clientId?: string };
  return entity === 'clients' ? r.id : r.clientId;
}

/**
 * Recomputes the summary rows of `clientIds` from their stored records; a
 * client that no longer exists loses its row. Runs inside the caller's
 * read-write transaction (with `summaryTables`), so a record and its summary
 * are committed together.
 */
export async function refreshSummaries(db: ContratsDb, clientIds: Iterable<string | undefined>): Promise<void> {
  const ids = [...new Set([...clientIds].filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  const rows: ClientSummary[] = [];
  const gone: string[] = [];
  const lists = await storedPriceLists(db);
  // A chunk at a time: a usage import refreshes thousands of clients, and each read holds the main thread while it is decoded.
  for (let start = 0; start < ids.length; start += REFRESH_CHUNK) {
    const slice = ids.slice(start, start + REFRESH_CHUNK);
    const files = await db.clientRows.bulkGet(slice);
    gone.push(...slice.filter((_, i) => !files[i]?.client));
    const present = files.filter((f) => f?.client !== undefined);
    const contracts = present.flatMap((f) => f!.contracts);
    // A summary reads the usage of the client's own contracts only: got by key (usage id = contract id),
    // pipelined, where an index range per client would cost one cursor step each.
    const usage = (await db.usage.bulkGet(contracts.map((c) => c.id))).filter((u) => u !== undefined);
    rows.push(...summarizeClients(present.map((f) => f!.client!), contracts, usage, lists));
  }
  await updateSummaries(db, rows, gone);
}

const REFRESH_CHUNK = 250;

const present = (ids: Iterable<string | undefined>) => [...new Set([...ids].filter((id): id is string => !!id))];

/**
 * After records were written: the summaries of `clientIds` and the regularised
 * overruns of `contractIds` (invoices written), each only when there is one.
 * Inside a transaction, Dexie keeps its zone across awaits of its own
 * requests; awaiting a function that returned without any (nothing to refresh)
 * and then making a request lost it here, and the transaction committed early.
 */
export async function refreshReadModel(db: ContratsDb, clientIds: Iterable<string | undefined>, contractIds: Iterable<string | undefined>): Promise<void> {
  const clients = present(clientIds);
  const contracts = present(contractIds);
  if (clients.length > 0) await refreshSummaries(db, clients);
  if (contracts.length > 0) await refreshRegularisations(db, contracts);
}
