import type { Table } from 'dexie';
import type { Client, Contract, EntityRecords, EntityType, Invoice, PriceLists, UsageDocument } from '../../../src-core';
import type { ContratsDb } from '../db';
import { storedPriceLists } from '../price-lists';
import { summarizeClients, withContractUsage, type ClientSummary } from './client-summary';
import { judgedInMemory, refreshRegularisations, replaceOverrunIndex, updateOverrunIndex, type OverrunRow } from './overrun-index';
import { DELTA_LIMIT, portfolioTables, readPortfolio, replacePortfolio, updateSummaries } from './portfolio-chunks';
import { feedsSummaries, readModelScope, refreshSummaries, summaryClientOf, type SummaryChange } from './upkeep';
import { invoicedMonths } from './invoiced-months';
import { recordDigests } from './record-digests';

/** One record as the write gateway stored it: what it was (when the writer read it) and what it is now (null: deleted). */
export interface AppliedWrite<E extends EntityType = EntityType> {
  entity: E;
  id: string;
  before: EntityRecords[E] | undefined;
  after: EntityRecords[E] | null;
}

/** Every record a whole read model is computed from, held in memory by a caller that has them all (a first sync, the demo data). */
export interface ReadModelSources {
  clients: readonly Client[];
  contracts: readonly Contract[];
  usage: readonly UsageDocument[];
  /** The price lists the summaries' limits come from (the stored ones, or those the caller will store with the records). */
  priceLists: PriceLists;
  /**
   * Every stored invoice, when the caller holds them all (a whole bulk load, a first pull): the overrun
   * rows are judged without reading the books. Those that regularise no month may be left out (regularisingLines).
   */
  invoices?: readonly Invoice[];
}

/** What the parts kept before this one made of the same writes (follow) or computed (compute), by part name. */
export type Upstream = ReadonlyMap<string, unknown>;

/**
 * One part of the read model, kept by the write gateway (writes/gateway.ts)
 * in the same transaction as the records it derives from. The gateway calls
 * `follow` after each write of a source entity; a first load defers it and
 * the model is rebuilt once at the end (`compute` then `replace`). A part may
 * derive from an earlier one of `READ_MODEL` (the overrun facts from the
 * summaries): it reads what that one did in `upstream`.
 */
export interface ReadModelMaintainer<Computed = unknown, Followed = unknown> {
  readonly name: string;
  /** Whether writes of `entity` change this model. */
  feeds(entity: EntityType): boolean;
  /** Tables its upkeep reads and writes, its sources included: a transaction writing a source covers them. */
  tables(db: ContratsDb): Table[];
  /** The tables holding the model itself (emptied with the records). */
  own(db: ContratsDb): Table[];
  /**
   * Brings the model up to date with `writes`, inside the caller's read-write
   * transaction, and tells what it changed (for the parts after it) — or
   * answers undefined, synchronously, when there is nothing to do: inside a
   * transaction, Dexie keeps its zone across awaits of its own requests, and
   * awaiting a promise that settles without one lets the transaction commit early.
   */
  follow(db: ContratsDb, writes: readonly AppliedWrite[], upstream: Upstream): Promise<Followed> | undefined;
  /** The whole model from its sources (pure: no database), e.g. while the last page of a first sync is being written. */
  compute(sources: ReadModelSources, upstream: Upstream): Computed;
  /** Replaces the whole model by a computed one, inside the caller's read-write transaction over `tables`. */
  replace(db: ContratsDb, computed: Computed): Promise<void>;
}

/** Usage documents written at once beyond which their clients' summaries are updated from the read model itself (no client file read). */
const USAGE_FROM_SUMMARIES = 250;

/**
 * The portfolio summaries (client-summary.ts): one row per client. A write of
 * a few records refreshes their clients' rows from the stored records; many
 * usage documents alone (an import) update the usage-derived part of the rows
 * already stored (`withContractUsage`), so that no client file is read, and a
 * change of most of the portfolio rewrites its documents once.
 */
export const portfolioSummaries: ReadModelMaintainer<ClientSummary[], SummaryChange> = {
  name: 'portfolioSummaries',
  feeds: feedsPricedSummaries,
  tables: readModelScope,
  own: portfolioTables,
  follow(db, writes) {
    const relevant = writes.filter((w) => feedsSummaries(w.entity));
    const clients = new Set(relevant.flatMap((w) => [summaryClientOf(w.entity, w.before), summaryClientOf(w.entity, w.after)]).filter((id): id is string => !!id));
    const lists = new Set(writes.filter((w) => w.entity === 'priceLists').map((w) => w.id));
    if (lists.size > 0) return followPriceLists(db, lists, clients);
    if (clients.size === 0) return undefined;
    const usageOnly = relevant.every((w) => w.entity === 'usage' && w.after && summaryClientOf('usage', w.before ?? w.after) === summaryClientOf('usage', w.after));
    if (usageOnly && clients.size > USAGE_FROM_SUMMARIES) return followUsage(db, relevant.map((w) => w.after as UsageDocument));
    return refreshSummaries(db, clients);
  },
  compute: (sources) => summarizeClients(sources.clients, sources.contracts, sources.usage, sources.priceLists),
  replace: (db, rows) => replacePortfolio(db, rows),
};

/**
 * The summaries are judged against the price lists (a contract's limits, its
 * overruns): a list written — pulled after the contracts on it, or replacing
 * the built-in list an empty laptop read — rewrites the summaries of the
 * clients with a contract on it, with the records written beside it.
 */
function feedsPricedSummaries(entity: EntityType): boolean {
  return feedsSummaries(entity) || entity === 'priceLists';
}

async function followPriceLists(db: ContratsDb, lists: ReadonlySet<string>, clients: ReadonlySet<string>): Promise<SummaryChange> {
  const priced = (await readPortfolio(db)).filter((s) => s.contracts.some((c) => lists.has(c.priceListId))).map((s) => s.id);
  const all = new Set([...clients, ...priced]);
  return all.size > 0 ? refreshSummaries(db, all) : { changed: [], removed: [] };
}

/** Many usage documents: their clients' stored summaries with the new months, the others as they are. */
async function followUsage(db: ContratsDb, usage: readonly UsageDocument[]): Promise<SummaryChange> {
  const summaries = new Map((await readPortfolio(db)).map((s) => [s.id, s]));
  const lists = await storedPriceLists(db);
  const changed = new Map<string, ClientSummary>();
  const unsummarized = new Set<string>();
  for (const doc of usage) {
    const summary = changed.get(doc.clientId) ?? summaries.get(doc.clientId);
    if (!summary?.contracts.some((c) => c.id === doc.contractId)) unsummarized.add(doc.clientId);
    else {
      const next = withContractUsage(summary, doc, lists);
      // Months rewritten with the same verdicts (the platform's export sends its earlier months again): nothing to write.
      if (!sameUsagePart(summary, next, doc.contractId)) changed.set(doc.clientId, next);
    }
  }
  // Most of the portfolio changed: its documents are rewritten from the summaries in hand, not read again.
  if (changed.size > DELTA_LIMIT) await replacePortfolio(db, [...summaries.values()].map((s) => changed.get(s.id) ?? s));
  else await updateSummaries(db, [...changed.values()]);
  // A contract its client's summary does not name yet (its client pulled later): refreshed from the records, as any write.
  const refreshed = unsummarized.size > 0 ? await refreshSummaries(db, unsummarized) : { changed: [], removed: [] };
  return { changed: [...changed.values(), ...refreshed.changed], removed: refreshed.removed };
}

/** Whether the usage-derived part of a contract's summary (its overruns, its last measured month) is the same in `a` and `b`. */
function sameUsagePart(a: ClientSummary, b: ClientSummary, contractId: string): boolean {
  const part = (s: ClientSummary) => {
    const c = s.contracts.find((x) => x.id === contractId)!;
    return JSON.stringify([c.overruns, c.lastMeasured]);
  };
  return part(a) === part(b);
}

/** The contract whose overruns a written invoice may regularise (none for other entities). */
function regularisedContractOf(entity: EntityType, record: object | null | undefined): string | undefined {
  return entity === 'invoices' && record ? (record as { contractId?: string }).contractId : undefined;
}

/**
 * The overrun facts (overrun-index.ts): one row per contract with a month
 * over its limits, and the portfolio's measured months, derived from the
 * summaries the part before rewrote — and which of those months a stored
 * invoice regularises, judged again for the contracts whose invoices are written.
 */
export const overrunFacts: ReadModelMaintainer<{ summaries: ClientSummary[]; judged?: OverrunRow[] }, void> = {
  name: 'overrunFacts',
  feeds: (entity) => feedsPricedSummaries(entity) || entity === 'invoices',
  tables: (db) => [...db.invoices.tables, db.overrunFacts, db.portfolioMeasured],
  own: (db) => [db.overrunFacts, db.portfolioMeasured],
  follow(db, writes, upstream) {
    const summaries = upstream.get(portfolioSummaries.name) as SummaryChange | undefined;
    const rewritten = summaries && summaries.changed.length + summaries.removed.length > 0 ? summaries : undefined;
    const contracts = [...new Set(writes.flatMap((w) => [regularisedContractOf(w.entity, w.before), regularisedContractOf(w.entity, w.after)]).filter((id): id is string => !!id))];
    if (!rewritten && contracts.length === 0) return undefined;
    return (async () => {
      if (rewritten) await updateOverrunIndex(db, rewritten.changed, rewritten.removed);
      if (contracts.length > 0) await refreshRegularisations(db, contracts);
    })();
  },
  compute: (sources, upstream) => {
    const summaries = upstream.get(portfolioSummaries.name) as ClientSummary[];
    return { summaries, ...(sources.invoices ? { judged: judgedInMemory(summaries, sources.invoices) } : {}) };
  },
  replace: (db, { summaries, judged }) => replaceOverrunIndex(db, summaries, judged),
};

/** The read model's parts, in the order they are kept (a part after the one it derives from). */
export const READ_MODEL: readonly ReadModelMaintainer[] = [portfolioSummaries as ReadModelMaintainer, overrunFacts as ReadModelMaintainer];

/**
 * A part followed on every record write: what writes change of it is folded
 * from the writes alone (`add`, pure, a step at a time), then stored with
 * one read and one write of its few rows (`store`, inside the caller's
 * transaction; undefined, synchronously, when nothing changes).
 */
export interface AlwaysFollowed<Changes = unknown> {
  readonly name: string;
  tables(db: ContratsDb): Table[];
  empty(): Changes;
  add(changes: Changes, writes: readonly AppliedWrite[]): void;
  store(db: ContratsDb, changes: Changes): Promise<void> | undefined;
  /** Forgets its rows of `entities` (their records are emptied in the same transaction). */
  clear(db: ContratsDb, entities: readonly EntityType[]): Promise<unknown>;
}

/**
 * The parts followed on every record write of every entity, a first load
 * included (nothing of theirs is deferred to a rebuild): the reconciliation
 * digests (record-digests.ts), which need only each write's versions, and
 * the invoiced months (invoiced-months.ts), only each invoice's month and kind.
 */
export const FOLLOWED_ALWAYS: readonly AlwaysFollowed[] = [recordDigests as AlwaysFollowed, invoicedMonths as AlwaysFollowed];

/** What writes change of every part of FOLLOWED_ALWAYS, folded as they come (`add`) and stored once (writes/gateway.ts `followAlways`). */
export interface AlwaysFollowedChanges {
  readonly parts: readonly { part: AlwaysFollowed; changes: unknown }[];
  add(writes: readonly AppliedWrite[]): void;
}

export function alwaysFollowedChanges(): AlwaysFollowedChanges {
  const parts = FOLLOWED_ALWAYS.map((part) => ({ part, changes: part.empty() }));
  return {
    parts,
    add: (writes) => {
      for (const { part, changes } of parts) part.add(changes, writes);
    },
  };
}

/** Tables every record write covers for FOLLOWED_ALWAYS. */
export function alwaysFollowedTables(db: ContratsDb): Table[] {
  return FOLLOWED_ALWAYS.flatMap((part) => part.tables(db));
}

/** The parts a write of `entities` must keep. */
export function maintainersOf(entities: Iterable<EntityType>): ReadModelMaintainer[] {
  const list = [...entities];
  return READ_MODEL.filter((m) => list.some((e) => m.feeds(e)));
}

/** Tables a read-write transaction writing `entities` must also cover for the read model. */
export function readModelTables(db: ContratsDb, entities: Iterable<EntityType>): Table[] {
  return [...new Set(maintainersOf(entities).flatMap((m) => m.tables(db)))];
}

/** Every part of the read model computed from `sources`, by maintainer name (pure). */
export type ComputedReadModel = Map<string, unknown>;

export function computeReadModel(sources: ReadModelSources): ComputedReadModel {
  const computed: ComputedReadModel = new Map();
  for (const m of READ_MODEL) computed.set(m.name, m.compute(sources, computed));
  return computed;
}

/** Every table of the read model with its sources: what a rebuild covers. */
export function allReadModelTables(db: ContratsDb): Table[] {
  return [...new Set(READ_MODEL.flatMap((m) => m.tables(db)))];
}

/** The tables of the read model itself: emptied with the records. */
export function ownReadModelTables(db: ContratsDb): Table[] {
  return [...new Set(READ_MODEL.flatMap((m) => m.own(db)))];
}
