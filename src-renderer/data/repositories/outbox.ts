import type { DataContext } from '../context';
import type { OutboxEntry } from '../db';

/** The sync engine's side of the outbox: read in order, remove once the server answered. */
export function outboxRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    /** Mutations not yet acknowledged, oldest first. */
    pending: (limit = 500): Promise<OutboxEntry[]> => db.outbox.orderBy('seq').limit(limit).toArray(),
    count: (): Promise<number> => db.outbox.count(),
    /** Removes the mutations the server answered (applied, conflict resolved or rejected). */
    acknowledge: (mutationIds: readonly string[]): Promise<number> => db.outbox.where('mutationId').anyOf([...mutationIds]).delete(),
  };
}
