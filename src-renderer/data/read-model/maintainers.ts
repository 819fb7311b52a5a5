import type { Table } from 'dexie';
import type { Client, Contract, EntityRecords, EntityType, UsageDocument } from '../../../src-core';
import type { ContratsDb } from '../db';
import { summarizeClients, withContractUsage, type ClientSummary } from './client-summary';
import { DELTA_LIMIT, portfolioTables, readPortfolio, replacePortfolio, updateSummaries } from './portfolio-chunks';
import { feedsSummaries, readModelScope, refreshSummaries, summaryClientOf } from './upkeep';

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
}

/**
 * One part of the read model, kept by the write gateway (writes/gateway.ts)
 * in the same transaction as the records it derives from. The gateway calls
 * `follow` after each write of a source entity; a first load defers it and
 * the model is rebuilt once at the end (`compute` then `replace`).
 * Another part (per-contract facts, say) plugs in by joining `READ_MODEL`.
 */
export interface ReadModelMaintainer<Computed = unknown> {
  readonly name: string;
  /** Whether writes of `entity` change this model. */
  feeds(entity: EntityType): boolean;
  /** Tables its upkeep reads and writes, its sources included: a transaction writing a source covers them. */
  tables(db: ContratsDb): Table[];
  /** The tables holding the model itself (emptied with the records). */
  own(db: ContratsDb): Table[];
  /** Brings the model up to date with `writes`, inside the caller's read-write transaction. */
  follow(db: ContratsDb, writes: readonly AppliedWrite[]): Promise<void>;
  /** The whole model from its sources (pure: no database), e.g. while the last page of a first sync is being written. */
  compute(sources: ReadModelSources): Computed;
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
export const portfolioSummaries: ReadModelMaintainer<ClientSummary[]> = {
  name: 'portfolioSummaries',
  feeds: feedsSummaries,
  tables: readModelScope,
  own: portfolioTables,
  async follow(db, writes) {
    const relevant = writes.filter((w) => feedsSummaries(w.entity));
    if (relevant.length === 0) return;
    const clients = new Set(relevant.flatMap((w) => [summaryClientOf(w.entity, w.before), summaryClientOf(w.entity, w.after)]).filter((id): id is string => !!id));
    const usageOnly = relevant.every((w) => w.entity === 'usage' && w.after && summaryClientOf('usage', w.before ?? w.after) === summaryClientOf('usage', w.after));
    if (usageOnly && clients.size > USAGE_FROM_SUMMARIES) return followUsage(db, relevant.map((w) => w.after as UsageDocument));
    await refreshSummaries(db, clients);
  },
  compute: (sources) => summarizeClients(sources.clients, sources.contracts, sources.usage),
  replace: (db, rows) => replacePortfolio(db, rows),
};

/** Many usage documents: their clients' stored summaries with the new months, the others as they are. */
async function followUsage(db: ContratsDb, usage: readonly UsageDocument[]): Promise<void> {
  const summaries = new Map((await readPortfolio(db)).map((s) => [s.id, s]));
  const changed = new Map<string, ClientSummary>();
  const unsummarized = new Set<string>();
  for (const doc of usage) {
    const summary = changed.get(doc.clientId) ?? summaries.get(doc.clientId);
    if (summary?.contracts.some((c) => c.id === doc.contractId)) changed.set(doc.clientId, withContractUsage(summary, doc));
    else unsummarized.add(doc.clientId);
  }
  // Most of the portfolio changed: its documents are rewritten from the summaries in hand, not read again.
  if (changed.size > DELTA_LIMIT) await replacePortfolio(db, [...summaries.values()].map((s) => changed.get(s.id) ?? s));
  else await updateSummaries(db, [...changed.values()]);
  // A contract its client's summary does not name yet (its client pulled later): refreshed from the records, as any write.
  await refreshSummaries(db, unsummarized);
}

/** The read model's parts, in the order they are kept. The overrun facts of s8-overruns join here. */
export const READ_MODEL: readonly ReadModelMaintainer[] = [portfolioSummaries as ReadModelMaintainer];

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
  return new Map(READ_MODEL.map((m) => [m.name, m.compute(sources)]));
}

/** Every table of the read model with its sources: what a rebuild covers. */
export function allReadModelTables(db: ContratsDb): Table[] {
  return [...new Set(READ_MODEL.flatMap((m) => m.tables(db)))];
}

/** The tables of the read model itself: emptied with the records. */
export function ownReadModelTables(db: ContratsDb): Table[] {
  return [...new Set(READ_MODEL.flatMap((m) => m.own(db)))];
}
