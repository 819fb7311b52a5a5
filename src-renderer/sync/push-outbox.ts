import { MAX_PUSH_BATCH, MAX_PUSH_BYTES, type MutationResult } from '../../src-core';
import type { DataLayer, OutboxEntry } from '../data';
import { commitPushResults, type PushOutcome } from '../data/sync-state';
import type { ApiClient } from './api-client';
import { SyncError } from './sync-error';

export interface PushOptions {
  /** Mutations per request (≤ MAX_PUSH_BATCH): a long offline backlog goes up in bounded batches. */
  batchSize?: number;
}

/** Room left under the server's body limit for the envelope and JSON escaping. */
const BYTE_BUDGET = Math.floor(MAX_PUSH_BYTES * 0.8);

/**
 * Pushes the whole outbox, batch after batch, oldest first. An entry leaves
 * the outbox only when its answer is committed (commitPushResults): if the
 * connection drops after the server applied a batch, the same mutation ids are
 * sent again and the server answers them from its record without applying
 * them twice. A batch the server refuses as a whole is split until the one
 * mutation at fault is found and set aside, so it never blocks the queue.
 */
export async function pushOutbox({ db, repos }: DataLayer, api: ApiClient, now: () => string, options: PushOptions = {}): Promise<PushOutcome> {
  const total: PushOutcome = { applied: 0, conflicts: 0, rejected: 0 };
  let size = Math.min(options.batchSize ?? 200, MAX_PUSH_BATCH);
  const deviceId = (await repos.settings.get('deviceId'))!;
  for (;;) {
    const batch = pickBatch(await repos.outbox.pending(size * 4), size);
    if (batch.length === 0) return total;
    let results: MutationResult[];
    try {
      results = (await api.push(deviceId, batch)).results;
    } catch (error) {
      if (!(error instanceof SyncError) || (error.kind !== 'refused' && error.kind !== 'tooLarge')) throw error;
      if (batch.length > 1) {
        size = Math.max(1, Math.floor(batch.length / 2));
        continue;
      }
      results = [{ mutationId: batch[0]!.mutationId, status: 'rejected', reason: error.message }];
    }
    const outcome = await commitPushResults(db, results, now());
    total.applied += outcome.applied;
    total.conflicts += outcome.conflicts;
    total.rejected += outcome.rejected;
    if (outcome.applied + outcome.conflicts + outcome.rejected === 0) {
      throw new SyncError('badAnswer', 'Le serveur n’a répondu pour aucune des modifications envoyées.');
    }
  }
}

/**
 * At most one mutation per record per batch: the next one was made on top of
 * it and is sent once its base version is known (commitPushResults rebases
 * it), otherwise the server would see our own two edits as a conflict.
 */
function pickBatch(entries: readonly OutboxEntry[], size: number): OutboxEntry[] {
  const seen = new Set<string>();
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const key = `${entry.entity}/${entry.recordId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entryBytes = JSON.stringify(entry).length * 2;
    if (batch.length > 0 && (batch.length >= size || bytes + entryBytes > BYTE_BUDGET)) break;
    batch.push(entry);
    bytes += entryBytes;
  }
  return batch;
}
