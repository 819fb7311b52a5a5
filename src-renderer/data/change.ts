import { messageFr, type EntityRecords, type EntityType, type Message } from '../../src-core';
import type { DataContext } from './context';
import { applyRecordWrites, localChange, writeScope, type RecordWrite } from './writes/gateway';

/**
 * A local change as commands write it (ARCHITECTURE.md, data flow 4): the
 * record, with its audit entry and outbox mutation, through the write gateway
 * (writes/gateway.ts), in the same read-write transaction. Inside, only
 * IndexedDB calls and synchronous code run: awaiting anything else would let
 * the transaction commit half of the change.
 */
export interface Change<E extends EntityType> {
  entity: E;
  before: EntityRecords[E] | undefined;
  /** The new record; null deletes it. */
  after: EntityRecords[E] | null;
  actor: string;
  action: string;
  /** The history's sentence: a message (said in the interface's language, its French stored beside), or French text. */
  summary: string | Message;
  clientId?: string;
  /** The whole `after` travels, not only what changed (RecordWrite.whole): a refused issue back to draft, a record recreated over a deletion. */
  whole?: boolean;
}

/** A command's change as the gateway takes it. */
export function localWrite<E extends EntityType>({ entity, before, after, actor, action, summary, clientId, whole }: Change<E>): RecordWrite {
  const history = typeof summary === 'string' ? { summary } : { summary: messageFr(summary), said: summary };
  return { entity, before, after, audit: { actor, action, ...history, ...(clientId ? { clientId } : {}) }, ...(whole ? { whole } : {}) } as RecordWrite;
}

/** Writes changes and keeps the read model (once per client however many records of it changed); must run inside `changeTransaction`. */
export function writeChanges(ctx: DataContext, changes: readonly Change<EntityType>[]): Promise<void> {
  return applyRecordWrites(ctx.db, changes.map(localWrite), localChange(ctx));
}

/** Writes one change; must run inside `changeTransaction`. */
export function writeChange<E extends EntityType>(ctx: DataContext, change: Change<E>): Promise<void> {
  return writeChanges(ctx, [change as Change<EntityType>]);
}

/** Runs `body` in one read-write transaction over what a local change of `entities` writes (the gateway's scope). */
export function changeTransaction<T>(ctx: DataContext, entities: readonly EntityType[], body: () => Promise<T>): Promise<T> {
  return ctx.db.transaction('rw', writeScope(ctx.db, entities, localChange(ctx)), body);
}
