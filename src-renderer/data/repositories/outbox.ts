import type { DataContext } from '../context';
import type { OutboxEntry } from '../db';
import { countOutbox, editOutbox, oldestOutbox, readOutbox } from '../outbox';

/** The sync engine's side of the outbox: read in order, remove once the server answered. */
export function outboxRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    /** Mutations not yet acknowledged, oldest first. */
    pending: (limit = 500): Promise<OutboxEntry[]> => oldestOutbox(db, limit),
    count: (): Promise<number> => countOutbox(db),
    /** Removes the mutations the server answered (applied, conflict resolved or rejected). */
    acknowledge: (mutationIds: readonly string[]): Promise<number> =>
      db.transaction('rw', db.outbox, async () => {
        const ids = new Set(mutationIds);
        const answered = (await readOutbox(db)).filter((m) => ids.has(m.mutationId));
        await editOutbox(db, { removed: answered });
        return answered.length;
      }),
  };
}
