import { differingFields, mutationSchema, type EntityRecords, type EntityType, type WireRecord } from '../../src-core';
import type { DataContext } from './context';
import { refreshReadModel, regularisedContractOf, summaryClientOf, summaryTables } from './read-model/upkeep';
import { recordTables } from './record-store';

/**
 * The one way a local change is written (ARCHITECTURE.md, data flow 4): the
 * record, its audit entry and its outbox mutation, in the same read-write
 * transaction. Inside, only IndexedDB calls and synchronous code run: awaiting
 * anything else would let the transaction commit half of the change.
 */
export interface Change<E extends EntityType> {
  entity: E;
  before: EntityRecords[E] | undefined;
  /** The new record; null deletes it. */
  after: EntityRecords[E] | null;
  actor: string;
  action: string;
  summary: string;
  clientId?: string;
  /**
   * The whole `after` travels, as a creation does, not only what changed: the
   * server's copy (an older state, or none) must become this one — a refused
   * issue back to draft, a record recreated over a deletion.
   */
  whole?: boolean;
}

/** Top-level fields a local change touches: the sync protocol's own "which fields changed" (src-core/sync), record metadata left out. */
export function changedFields(before: object | undefined, after: object | null): string[] {
  return after ? differingFields(before as WireRecord | undefined, after as WireRecord) : [];
}

/** The record, its audit entry and its outbox mutation. */
async function writeRecord<E extends EntityType>(ctx: DataContext, change: Change<E>): Promise<void> {
  const { db } = ctx;
  const recordId = (change.after ?? change.before)!.id;
  const fields = changedFields(change.before, change.after);
  if (change.after) await db.records(change.entity).put(change.after);
  else await db.records(change.entity).delete(recordId);
  const at = ctx.now();
  await db.audit.add({
    at,
    actor: change.actor,
    entity: change.entity,
    recordId,
    ...(change.clientId ? { clientId: change.clientId } : {}),
    action: change.action,
    summary: change.summary,
    fields,
  });
  const after = change.after as Record<string, unknown> | null;
  // A created record travels whole; an updated one carries only what changed; `undefined` (a removed
  // optional field) is sent as null so that the server clears it too.
  const sent = change.before && !change.whole ? fields : [...new Set([...Object.keys(after ?? {}), ...fields])];
  const changes = after ? Object.fromEntries(sent.map((k) => [k, after[k] ?? null])) : {};
  await db.outbox.add(
    mutationSchema.parse({
      mutationId: ctx.newId(),
      deviceId: ctx.deviceId,
      entity: change.entity,
      recordId,
      op: change.after ? 'upsert' : 'delete',
      baseVersion: change.before?.version ?? 0,
      changes,
      madeAt: at,
    }),
  );
}

/**
 * Writes changes, then refreshes the portfolio summaries of the clients they
 * touched — once per client, however many records of it changed — and the
 * regularised overruns of the contracts whose invoices changed; must run
 * inside `changeTransaction` (or a transaction that adds `summaryTables`).
 */
export async function writeChanges(ctx: DataContext, changes: readonly Change<EntityType>[]): Promise<void> {
  for (const change of changes) await writeRecord(ctx, change);
  await refreshReadModel(
    ctx.db,
    changes.flatMap((c) => [summaryClientOf(c.entity, c.before), summaryClientOf(c.entity, c.after)]),
    changes.flatMap((c) => [regularisedContractOf(c.entity, c.before), regularisedContractOf(c.entity, c.after)]),
  );
}

/** Writes one change; must run inside `changeTransaction`. */
export function writeChange<E extends EntityType>(ctx: DataContext, change: Change<E>): Promise<void> {
  return writeChanges(ctx, [change as Change<EntityType>]);
}

/**
 * Runs `body` in one read-write transaction over the entities' tables, the
 * audit, the outbox and — when a client, contract or usage is among them —
 * the portfolio read model and its sources.
 */
export function changeTransaction<T>(ctx: DataContext, entities: readonly EntityType[], body: () => Promise<T>): Promise<T> {
  const { db } = ctx;
  const tables = new Set([...recordTables(db, entities), db.audit, db.outbox, ...summaryTables(db, entities)]);
  return db.transaction('rw', [...tables], body);
}
