import { MAX_PUSH_BATCH, MAX_PUSH_BYTES, checkInput, message, messageFr, mutationSchema, type Message, type MutationResult } from '../../src-core';
import { z } from 'zod';
import type { DataLayer, OutboxEntry } from '../data';
import { referencedDocuments } from '../data/invoicing';
import { commitPushResults, type PushOutcome } from '../data/sync-state';
import type { ApiClient } from './api-client';
import { SyncError } from './sync-error';

export interface PushOptions {
  /** Mutations per request (≤ MAX_PUSH_BATCH): a long offline backlog goes up in bounded batches. */
  batchSize?: number;
  /** Estimated bytes per request (default: a margin under the server's body limit); tests raise it to meet the server's 413. */
  byteBudget?: number;
}

/** Who the audit names for what an answer changes here (an issue the server refused goes back to a draft). */
export interface PushContext {
  actor: string;
}

/**
 * A mutation the server failed on (5xx) each time it was sent alone; the rest
 * of the outbox went on without it.
 */
export interface SuspectMutation {
  mutationId: string;
  /** Why, as a message code (French in the set-aside row's reason, said in the interface's language). */
  said: Message;
}

export interface PushRun extends PushOutcome {
  suspects: SuspectMutation[];
  /**
   * The suspects are the changes' fault, not the server's: it took other
   * mutations of this run, or nothing else was left to send. The engine sets
   * them aside once the pull has shown the server answers; otherwise (it
   * failed everything) they stay in the outbox and the sync reports the failure.
   */
  suspectsConfirmed: boolean;
}

/** Room left under the server's body limit for the envelope and JSON escaping. */
const BYTE_BUDGET = Math.floor(MAX_PUSH_BYTES * 0.8);
/** The request envelope around a lone mutation: `{"deviceId":…,"mutations":[…]}`. */
const ENVELOPE_BYTES = 1024;
/**
 * After this many mutations failing alone in one sync, the server is taken
 * for broken rather than the changes: the push stops and the pull goes on
 * (each one costs a handful of requests to isolate).
 */
const MAX_SUSPECTS = 3;

const utf8 = new TextEncoder();

/**
 * Pushes the whole outbox, batch after batch, oldest first. An entry leaves
 * the outbox only when its answer is committed (commitPushResults): if the
 * connection drops after the server applied a batch, the same mutation ids are
 * sent again and the server answers them from its record without applying
 * them twice.
 * A laptop never freezes on a change the server cannot take: a batch refused
 * as a whole (4xx), too large (413), failing (5xx) or whose connection broke
 * (EPIPE, reset) is split in two until the mutation at fault is alone. Alone
 * and refused, it is set aside with the server's reason; alone and failing
 * twice, it is a suspect (see SuspectMutation), skipped with the later edits
 * of its record while the rest of the outbox goes on; alone and cut off, the
 * network is at fault and the sync is retried later. A mutation too large to
 * ever fit in a request is set aside without being sent.
 */
export async function pushOutbox({ ctx, repos }: DataLayer, api: ApiClient, now: () => string, { actor }: PushContext, options: PushOptions = {}): Promise<PushRun> {
  const total: PushRun = { applied: 0, conflicts: 0, rejected: 0, suspects: [], suspectsConfirmed: false };
  const fullSize = Math.min(options.batchSize ?? 200, MAX_PUSH_BATCH);
  const byteBudget = options.byteBudget ?? BYTE_BUDGET;
  let size = fullSize;
  const { deviceId } = ctx;
  /** Records with a suspect mutation: their later edits wait behind it. */
  const held = new Set<string>();
  const failedAlone = new Set<string>();
  for (;;) {
    const batch = await nextBatch(repos.outbox.pending, held, size, byteBudget);
    if (batch.length === 0) return { ...total, suspectsConfirmed: true };
    let results: MutationResult[];
    const unsendable = batch.flatMap((entry) => {
      const problem = wireProblem(entry);
      return problem ? [refusedHere(entry, problem)] : [];
    });
    const lone = batch.length === 1 ? batch[0]! : undefined;
    const loneBytes = lone ? utf8.encode(JSON.stringify(lone)).length : 0;
    if (unsendable.length > 0) {
      // Queued by an older version, or written around the forms: the server would refuse the whole batch for it.
      results = unsendable;
    } else if (lone && loneBytes + ENVELOPE_BYTES > MAX_PUSH_BYTES) {
      results = [refusedHere(lone, message('sync.setAside.tooLarge', { size: megabytes(loneBytes), max: megabytes(MAX_PUSH_BYTES) }))];
    } else {
      try {
        // The outbox's local `seq` stays here: the request schema refuses unknown keys.
        results = (await api.push({ deviceId, mutations: batch.map(({ seq: _seq, ...mutation }) => mutation) })).results;
        total.suspectsConfirmed = true;
      } catch (error) {
        if (!(error instanceof SyncError) || !SPLIT_ON.has(error.kind)) throw error;
        if (!lone) {
          size = Math.max(1, Math.floor(batch.length / 2));
          continue;
        }
        // Alone and cut off: the network, not this change (its size was checked above).
        if (error.kind === 'network') throw error;
        if (error.kind === 'server') {
          if (!failedAlone.has(lone.mutationId)) {
            failedAlone.add(lone.mutationId);
            continue;
          }
          total.suspects.push({ mutationId: lone.mutationId, said: serverFailureReason(error) });
          held.add(recordOf(lone));
          size = fullSize;
          if (total.suspects.length >= MAX_SUSPECTS) return total;
          continue;
        }
        results = [rejected(lone, error.message, error.said)];
        size = fullSize;
      }
    }
    const outcome = await commitPushResults(ctx, results, now(), actor);
    total.applied += outcome.applied;
    total.conflicts += outcome.conflicts;
    total.rejected += outcome.rejected;
    if (outcome.applied + outcome.conflicts + outcome.rejected === 0) {
      throw new SyncError('badAnswer', message('sync.error.noAnswer'));
    }
  }
}

/** Failures a smaller batch can get past: refused as a whole, too large, failing, connection broken while sending. */
const SPLIT_ON: ReadonlySet<SyncError['kind']> = new Set(['refused', 'tooLarge', 'server', 'network']);

function rejected(entry: OutboxEntry, reason: string, said?: Message): MutationResult {
  return { mutationId: entry.mutationId, status: 'rejected', reason, ...(said ? { said } : {}) };
}

/** Set aside by this laptop itself, said as a message code like the server's reasons. */
export function refusedHere(entry: Pick<OutboxEntry, 'mutationId'>, said: Message): MutationResult {
  return { mutationId: entry.mutationId, status: 'rejected', reason: messageFr(said), said };
}

/** Why the wire format refuses an outbox entry, or undefined when it can be sent. */
function wireProblem({ seq: _seq, ...mutation }: OutboxEntry): Message | undefined {
  const checked = checkInput(mutationSchema, mutation, FRENCH.localeError);
  if (checked.success) return undefined;
  const details = checked.issues.map((issue) => message('sync.setAside.invalidField', { path: issue.path, reason: issue.said ? { message: issue.said } : issue.message }));
  return message('sync.setAside.invalid', { details: { clauses: details } });
}

const FRENCH = z.locales.fr();

function serverFailureReason(error: SyncError): Message {
  return message('sync.setAside.serverFails', { status: error.status ? { message: message('sync.setAside.httpStatus', { status: String(error.status) }) } : '' });
}

/** Megabytes to one decimal, a number the interface's language writes ("1,5" / "1.5"). */
const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

const recordOf = (entry: OutboxEntry) => `${entry.entity}/${entry.recordId}`;

/** The next batch from the oldest pending entries, reading further when the first ones all wait behind a suspect. */
async function nextBatch(pending: (limit: number) => Promise<OutboxEntry[]>, held: ReadonlySet<string>, size: number, byteBudget: number): Promise<OutboxEntry[]> {
  for (let limit = size * 4; ; limit *= 2) {
    const entries = await pending(limit);
    const batch = pickBatch(entries, held, size, byteBudget);
    if (batch.length > 0 || entries.length < limit) return batch;
  }
}

/**
 * At most one mutation per record per batch: the next one was made on top of
 * it and is sent once its base version is known (commitPushResults rebases
 * it), otherwise the server would see our own two edits as a conflict. A
 * change that depends on a document with a change in this batch (a payment
 * of an invoice being issued, a credit note on it) waits for the next batch:
 * if the server refuses the issue, the payment is set aside with it instead
 * of reaching the server on an invoice it does not have as issued.
 */
function pickBatch(entries: readonly OutboxEntry[], held: ReadonlySet<string>, size: number, byteBudget: number): OutboxEntry[] {
  const seen = new Set<string>(held);
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const key = recordOf(entry);
    const waits = seen.has(key) || referencedDocuments(entry).some((id) => seen.has(`invoices/${id}`));
    seen.add(key);
    if (waits) continue;
    const entryBytes = JSON.stringify(entry).length * 2;
    if (batch.length > 0 && (batch.length >= size || bytes + entryBytes > byteBudget)) break;
    batch.push(entry);
    bytes += entryBytes;
  }
  return batch;
}
