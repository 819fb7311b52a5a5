import type { EntityType, MutationResult } from '../../src-core/sync';
import type { Queryable } from '../storage/db';
import { loadRecord } from './record-store';

/** Default retention of the records copied into push answers. */
export const DEFAULT_ANSWER_RETENTION_DAYS = 30;

/**
 * Every push answer is kept under its mutation id so a re-sent mutation is
 * never applied twice — but with it a full copy of the record, for ever.
 * Past the retention period (a laptop re-sends within minutes, or days when
 * offline) the copy is dropped and the status, version and reason kept:
 * idempotence is unchanged, and a late re-send gets the record as it is now.
 * Returns how many answers were pruned.
 */
export async function pruneAnswers(db: Queryable, retentionDays: number): Promise<number> {
  const pruned = await db.query(
    `update mutations set result = result - 'record'
     where received_at < now() - make_interval(days => $1) and result ? 'record'
     returning 1`,
    [retentionDays],
  );
  return pruned.length;
}

/** A stored answer as sent again: a pruned one gets the record's current state. */
export async function storedAnswer(tx: Queryable, entity: EntityType, recordId: string, result: MutationResult): Promise<MutationResult> {
  // Read from storage, where pruning removed the field the type requires.
  const stored = result as Exclude<MutationResult, { status: 'rejected' }> | Extract<MutationResult, { status: 'rejected' }>;
  if (stored.status === 'rejected' || stored.record !== undefined) return stored;
  const current = await loadRecord(tx, entity, recordId);
  return { ...stored, version: current?.version ?? 0, record: current && !current.deleted ? current.data : null };
}
