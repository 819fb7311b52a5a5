import { regularisingLines, type Client, type Contract, type EntityType, type Invoice, type PriceListRecord, type PriceLists, type UsageDocument, type WireRecord } from '../../../src-core';
import { storedPriceLists } from '../price-lists';
import type { ContratsDb } from '../db';
import { summarySource } from '../read-model';
import { computeReadModel, type ComputedReadModel } from '../read-model/maintainers';
import { feedsSummaries } from '../read-model/upkeep';

/**
 * A sync run pulling streams from their start into tables that were empty
 * when each began (a new laptop). Nothing can then exist locally but what this
 * run committed (`written`) or what the account manager wrote meanwhile
 * (which has an outbox entry): records are not read before being written, and
 * the portfolio summaries are computed once per stream, at its end
 * (`rebuildPendingSummaries`) — from this run's memory of what it wrote
 * rather than by reading back every client, contract and usage document.
 */
export interface InitialPull {
  /** `recordKey`s committed by this run (filled by `commitPulledPage`). */
  written: Set<string>;
  /** Clients whose row (client, contracts) this run wrote: only those rows can be stored already. */
  files: Set<string>;
  /** Clients with invoices this run wrote: only their invoice books can be stored already. */
  books: Set<string>;
  /** Entities whose stream started on an empty table in this run: `sources` holds all of their records. */
  covered: Set<EntityType>;
  /** What the summaries derive from, as committed by this run: clients, contracts, usage (latest months), by id. */
  sources: Record<'clients' | 'contracts' | 'usage', Map<string, WireRecord>>;
  /** The price lists this run committed: the summaries' overruns are judged against them. */
  priceLists: Map<string, WireRecord>;
  /**
   * Those of them that may regularise an overrun month, with only those lines
   * (src-core regularisingLines: a few hundred of 100,000): the overrun rows
   * are judged from them rather than by reading the books back (0.7 s at the
   * end of a 10,000-client history stream, measured).
   */
  regularising: Map<string, Invoice>;
  /** The read model computed from `sources` as they are now (prepareSummaries); dropped when they change. */
  prepared?: ComputedReadModel | undefined;
}

export function newInitialPull(): InitialPull {
  return { written: new Set(), files: new Set(), books: new Set(), covered: new Set(), sources: { clients: new Map(), contracts: new Map(), usage: new Map() }, priceLists: new Map(), regularising: new Map() };
}

/** A stream of `entities` begins on empty tables: memory will hold all of their records (what memory computes from changes then). */
export function coverEntities(initial: InitialPull, entities: readonly EntityType[]): void {
  for (const entity of entities) initial.covered.add(entity);
  initial.prepared = undefined;
}

/** Remembers a committed pulled record (null: deleted) when summaries derive from it, or when it may regularise an overrun. */
export function rememberSource(initial: InitialPull, entity: EntityType, recordId: string, record: WireRecord | null): void {
  if (entity === 'invoices') return rememberInvoice(initial, recordId, record as Invoice | null);
  if (!feedsSummaries(entity) && entity !== 'priceLists') return;
  initial.prepared = undefined;
  const sources = entity === 'priceLists' ? initial.priceLists : initial.sources[entity as keyof InitialPull['sources']];
  if (record) sources.set(recordId, summarySource(record));
  else sources.delete(recordId);
}

/** Keeps a pulled invoice's regularisation lines, if it has any (a credit note regularises nothing), or forgets it. */
function rememberInvoice(initial: InitialPull, id: string, invoice: Invoice | null): void {
  const kept = invoice?.kind === 'invoice' ? regularisingLines(invoice) : null;
  if (!kept?.lines.length && !initial.regularising.has(id)) return;
  initial.prepared = undefined;
  if (kept?.lines.length) initial.regularising.set(id, kept);
  else initial.regularising.delete(id);
}

/**
 * Computes every summary from memory ahead of its use: the engine calls it
 * while IndexedDB writes a stream's last page, so that the computation does
 * not wait for the write, nor the write for it. Whether memory is the whole
 * story is only known once the page is stored (readModelFromMemory).
 */
export function prepareSummaries(initial: InitialPull): ComputedReadModel {
  return (initial.prepared = readModelOf(initial, [...initial.priceLists.values()] as PriceListRecord[]));
}

function readModelOf(initial: InitialPull, priceLists: PriceLists): ComputedReadModel {
  const { clients, contracts, usage } = initial.sources;
  // Invoices pulled from an empty table: the overrun rows are judged from memory too.
  const invoices = initial.covered.has('invoices') ? { invoices: [...initial.regularising.values()] } : {};
  return computeReadModel({ clients: [...clients.values()] as Client[], contracts: [...contracts.values()] as Contract[], usage: [...usage.values()] as UsageDocument[], priceLists, ...invoices });
}

/**
 * The read model, computed from memory (or the prepared one) — or null when
 * memory is not the whole story: something was written locally during the
 * pull (an outbox entry), a source table holds other rows than this run
 * wrote, or a source table was not empty when its stream began. Runs inside
 * the caller's transaction over the sources and the outbox.
 * Neither the invoices nor the contracts are counted (by their multi-entry
 * index: a second in Chromium for 100,000 invoices, 50 ms for 11,000
 * contracts, measured): with an empty outbox, the records of a stream begun
 * on empty tables are those it wrote — what the writing of invoice books and
 * client rows already relies on (pulled-changes.ts, `inStoredBooks`, `rowsMayExist`).
 */
export async function readModelFromMemory(db: ContratsDb, initial: InitialPull): Promise<ComputedReadModel | null> {
  if ((await db.outbox.count()) > 0) return null;
  const { clients, contracts, usage } = initial.sources;
  const storedUsage = await db.usage.count();
  if (initial.covered.has('usage') ? storedUsage !== usage.size : storedUsage > 0) return null;
  // Clients and contracts share rows (client-rows.ts): one per client of memory, each written with memory's contracts.
  const files = new Set([...clients.keys(), ...[...contracts.values()].map((c) => c.clientId as string)]);
  const storedFiles = await db.clientRows.count();
  const filesCovered = initial.covered.has('clients') && initial.covered.has('contracts');
  if (filesCovered ? storedFiles !== files.size : storedFiles > 0) return null;
  // The prepared summaries were judged against the lists this run pulled: kept when those are the lists in force (a server holding none: the built-in one).
  const stored = await storedPriceLists(db);
  const sameLists = stored.length === initial.priceLists.size && stored.every((l) => initial.priceLists.has(l.id));
  return sameLists ? (initial.prepared ?? prepareSummaries(initial)) : readModelOf(initial, stored);
}
