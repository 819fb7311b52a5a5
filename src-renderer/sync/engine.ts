import type { DataLayer } from '../data';
import { SYNC_KEYS, commitPushResults, newInitialPull, planJoin, stashBeforeJoining, readCursor, readSyncValue, writeSyncValue, type PushOutcome, type ReconcileReport } from '../data/sync-state';
import { createApiClient, createApiTransport, type ApiClientOptions } from './api-client';
import { pageReader, type PageReader } from './page-reader';
import { issueThroughServer, type CentralIssueOptions } from './central-issue';
import { ensureDeviceGrants } from './device-grants';
import { laptopActor } from './person';
import { backoffDelay, type BackoffOptions } from './backoff';
import { PULL_STREAMS, pullStream, type PullProgress } from './pull-streams';
import { message } from '../../src-core';
import { pushOutbox, refusedHere, type PushOptions, type SuspectMutation } from './push-outbox';
import { reconcileCheck } from './reconcile-check';
import { SyncError, asSyncError } from './sync-error';

export type SyncPhase = 'idle' | 'pushing' | 'pulling' | 'uploading' | 'reconciling';

/** What the screen shows while the engine works; never a copy of stored records. */
export interface SyncStatus {
  phase: SyncPhase;
  /** False after the server could not be reached; true after any answer. */
  online: boolean;
  lastError: SyncError | null;
  /** When the next automatic attempt is planned (background mode), ISO. */
  nextAttemptAt: string | null;
  progress: PullProgress | null;
}

export interface SyncRunResult {
  pushed: PushOutcome;
  pulled: number;
  /** Records enqueued because the (empty) server did not know them. */
  uploaded: number;
  reconcile: ReconcileReport | null;
}

export interface SyncEngineOptions extends ApiClientOptions {
  dataLayer: DataLayer;
  batchSize?: number;
  /** Estimated bytes per push request (PushOptions); the default stays under the server's limit. */
  pushByteBudget?: number;
  pageSize?: number;
  /** Changes per held batch of a new laptop's history (default INITIAL_HISTORY_BATCH, pull-streams.ts): smaller where a test follows a batch's end. */
  historyBatch?: number;
  /** Reads the pull pages of one sync cycle (default: a worker where the platform has one, this thread otherwise; page-reader.ts). */
  pageReader?: () => PageReader;
  /** Pause between two background syncs when all is well (default 60 s). */
  intervalMs?: number;
  /**
   * The reconciliation check compares the digests both sides keep (it reads
   * records only in a table that differs): it runs after a first full sync
   * (a stream pulled from the start) or an upload, while the last report
   * shows a divergence, and otherwise at most this often (default 30 min) —
   * plus on demand (`check`).
   */
  reconcileEveryMs?: number;
  backoff?: BackoffOptions;
  now?: () => string;
  onStatus?: (status: SyncStatus) => void;
}

/**
 * The sync engine: plain TypeScript over fetch and the data layer, so the
 * same code runs in the app and in the tests against the real server.
 * Everything it must not forget is in IndexedDB (outbox, cursors, conflicts):
 * dropping the engine at any instant — a crash — loses nothing.
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { dataLayer, batchSize, pushByteBudget, pageSize, historyBatch, intervalMs = 60_000, reconcileEveryMs = 30 * 60_000, now = () => new Date().toISOString() } = options;
  const backoff = options.backoff ?? { baseMs: 2_000, maxMs: 5 * 60_000 };
  const transport = createApiTransport(options);
  const api = createApiClient(options, transport);
  const newPageReader = options.pageReader ?? pageReader;
  const pushOptions: PushOptions = { ...(batchSize ? { batchSize } : {}), ...(pushByteBudget ? { byteBudget: pushByteBudget } : {}) };
  let status: SyncStatus = { phase: 'idle', online: true, lastError: null, nextAttemptAt: null, progress: null };
  let running: Promise<SyncRunResult> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let background = false;
  let failures = 0;

  const report = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    options.onStatus?.(status);
  };

  async function cycle(): Promise<SyncRunResult> {
    const { db } = dataLayer;
    const fromStart = (await Promise.all(PULL_STREAMS.map((s) => readCursor(db, s.id)))).some((cursor) => cursor === '0');
    const push = { actor: await laptopActor(db) };
    const reader = newPageReader();
    // A stream pulled from its start comes in large pages: the reader's worker loads while the outbox is pushed.
    if (fromStart) reader.warm();
    let pulled = 0;
    let outcome: Awaited<ReturnType<typeof pushOutbox>>;
    try {
      report({ phase: 'pushing' });
      // Before the outbox: documents numbered in a series of this laptop are accepted only once the series is granted.
      await ensureDeviceGrants(dataLayer, api);
      outcome = await pushOutbox(dataLayer, api, now, push, pushOptions);
      report({ phase: 'pulling', online: true });
      // First contact: the laptop's own records are copied aside before the server's versions are pulled over them.
      if (!(await readSyncValue<boolean>(db, SYNC_KEYS.portfolioChecked))) await stashBeforeJoining(dataLayer.ctx);
      // One memory per run for the streams pulled from their start: the history stream's summaries reuse the core stream's records.
      const run = newInitialPull();
      for (const stream of PULL_STREAMS) pulled += await pullStream(dataLayer, { transport, reader }, stream, pageSize, (progress) => report({ progress }), run, historyBatch);
    } finally {
      reader.close();
    }
    const { suspects, suspectsConfirmed, ...pushed } = outcome;
    report({ progress: null });
    // The server answered the pull (and took other changes, or had nothing else to take): what failed alone was the change.
    if (suspectsConfirmed) pushed.rejected += await setAside(suspects, push.actor);
    else if (suspects.length > 0) throw new SyncError('server', message('sync.error.suspectsUnsent'));
    const uploaded = await uploadIfServerEmpty();
    if (uploaded > 0) {
      report({ phase: 'uploading' });
      const more = await pushOutbox(dataLayer, api, now, push, pushOptions);
      pushed.applied += more.applied;
      pushed.conflicts += more.conflicts;
      pushed.rejected += more.rejected + (await setAside(more.suspectsConfirmed ? more.suspects : [], push.actor));
    }
    // Comparing makes sense only once everything made here has been answered.
    let reconcile: ReconcileReport | null = null;
    if ((await dataLayer.repos.outbox.count()) === 0 && (fromStart || uploaded > 0 || (await reconcileDue()))) {
      report({ phase: 'reconciling' });
      reconcile = await reconcileCheck(dataLayer, api, now);
    }
    await writeSyncValue(db, SYNC_KEYS.lastSync, now());
    return { pushed, pulled, uploaded, reconcile };
  }

  /** Suspect mutations leave the outbox for the set-aside list, with their reason (the Synchronisation screen shows them). */
  async function setAside(suspects: readonly SuspectMutation[], actor: string): Promise<number> {
    if (suspects.length === 0) return 0;
    const results = suspects.map((s) => refusedHere(s, s.said));
    return (await commitPushResults(dataLayer.ctx, results, now(), actor)).rejected;
  }

  async function reconcileDue(): Promise<boolean> {
    const last = await readSyncValue<ReconcileReport>(dataLayer.db, SYNC_KEYS.reconcile);
    return !last || !last.same || Date.parse(now()) - Date.parse(last.at) >= reconcileEveryMs;
  }

  /**
   * First contact with a server: if it holds nothing at all (both cursors
   * still at "0" after pulling), the laptop's standalone portfolio is
   * enqueued for upload; otherwise what the server lacks and what differs
   * wait for a person to confirm (data/sync-state/join). Checked once per server.
   */
  async function uploadIfServerEmpty(): Promise<number> {
    const { db } = dataLayer;
    if (await readSyncValue<boolean>(db, SYNC_KEYS.portfolioChecked)) return 0;
    const cursors = await Promise.all(PULL_STREAMS.map((s) => readCursor(db, s.id)));
    const uploaded = await planJoin(dataLayer.ctx, cursors.every((c) => c === '0'));
    await writeSyncValue(db, SYNC_KEYS.portfolioChecked, true);
    return uploaded;
  }

  function schedule(delayMs: number) {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!background) return;
    report({ nextAttemptAt: new Date(Date.now() + delayMs).toISOString() });
    timer = setTimeout(() => void syncNow().catch(() => undefined), delayMs);
  }

  /** Runs one full sync now (or joins the one running). Rejects with a SyncError. */
  function syncNow(): Promise<SyncRunResult> {
    running ??= cycle().then(
      (result) => {
        running = null;
        failures = 0;
        report({ phase: 'idle', online: true, lastError: null });
        schedule(intervalMs);
        return result;
      },
      (error: unknown) => {
        running = null;
        const syncError = asSyncError(error);
        report({ phase: 'idle', online: !syncError.offline, lastError: syncError, progress: null });
        // A refused token or role needs a person: no automatic retry until they act.
        if (syncError.retryable) schedule(backoffDelay(failures++, backoff));
        else report({ nextAttemptAt: null });
        throw syncError;
      },
    );
    return running;
  }

  return {
    syncNow,
    /** Background mode: a sync now, then every `intervalMs`, with backoff after failures. */
    start() {
      background = true;
      schedule(0);
    },
    /** A local change was made: sync soon (a few changes in a row travel together). */
    nudge(delayMs = 1_500) {
      if (background && !running) schedule(delayMs);
    },
    stop() {
      background = false;
      schedule(0);
      report({ nextAttemptAt: null });
    },
    /**
     * Issues drafts with numbers of the central series (sync/central-issue):
     * a full sync first (after the one running, if any), so the server has
     * the drafts as they are here, then one request per draft.
     */
    issueCentrally(ids: readonly string[], issue: CentralIssueOptions) {
      const syncFirst = async () => {
        await running?.catch(() => undefined);
        await syncNow();
      };
      return issueThroughServer(dataLayer, api, syncFirst, ids, issue);
    },
    /** Reconciliation on demand (the screen's "Vérifier" button). */
    check: () => reconcileCheck(dataLayer, api, now),
    status: () => status,
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
