import { API_ROUTES, message, type Message, type PullResponse } from '../../src-core';
import { validatePulledPage, type ValidatedPage } from '../data/sync-state/page-validation';
import { parseAnswer } from './api-client';
import { SyncError, type SyncErrorKind } from './sync-error';

/** What the next request of a stream needs from a page: known before its records are checked. */
export interface PageHead {
  nextCursor: string;
  hasMore: boolean;
}

export type ReadPage = ValidatedPage & PageHead;

/** A pull answer being read: its head first, then the page whose every record passed its entity's schema. */
export interface PageReading {
  head: Promise<PageHead>;
  page: Promise<ReadPage>;
}

/**
 * Reads pull answers (bytes, as fetch gave them): JSON, the route's response
 * schema, then every record against its entity's schema (validatePulledPage,
 * the zod work: about 80 µs a record, seconds for a 10,000-client portfolio).
 * In the app a large page is read by a worker (page-reader.worker.ts), off
 * the thread that writes to IndexedDB and draws the screen; where there is
 * no Worker (Node: the sync tests), on the calling thread.
 */
export interface PageReader {
  read(bytes: ArrayBuffer): PageReading;
  /** Large pages are coming (a stream pulled from its start): the worker, if any, is started now, so that it is loaded when they arrive. */
  warm(): void;
  /** Stops the worker, if one was started; pages still being read fail. */
  close(): void;
}

/**
 * Below this, a page is read on the calling thread even in the app: an
 * incremental sync's few hundred changes do not wait for a worker to load
 * (its script, zod and the schemas without Dexie, is 277 KB; at half a
 * megabyte it took a second to load on a loaded machine, measured).
 */
export const WORKER_MIN_BYTES = 256 * 1024;

/** A pull answer parsed and checked against the route's response schema; its records are checked apart (validatePulledPage). */
function parsePullAnswer(bytes: ArrayBuffer): PullResponse {
  return parseAnswer(API_ROUTES.pull, bytes);
}

const headOf = ({ nextCursor, hasMore }: PullResponse): PageHead => ({ nextCursor, hasMore });

/** On this thread; the records are checked in a later task, so that the next request (on the head) can leave first. */
export function inlinePageReader(): PageReader {
  return {
    read(bytes) {
      const answer = Promise.resolve(bytes).then(parsePullAnswer);
      const page = answer.then(async (parsed) => {
        await nextTask();
        return validatePulledPage(parsed);
      });
      return quiet({ head: answer.then(headOf), page });
    },
    warm() {},
    close() {},
  };
}

/** Worker ↔ page: a page to read, its head, its records, or why it failed (a SyncError's kind, or a record's French refusal). */
export type PageRequest = { id: number; bytes: ArrayBuffer };
export type PageAnswer =
  | { id: number; kind: 'head'; head: PageHead }
  | { id: number; kind: 'page'; page: ReadPage }
  | { id: number; kind: 'failed'; message: string; errorKind?: SyncErrorKind; status?: number | undefined; said?: Message | undefined };

/** The worker's side: one request, its answers posted in order (head, then page or failure). */
export function answerPageRequest({ id, bytes }: PageRequest, post: (answer: PageAnswer) => void): void {
  try {
    const answer = parsePullAnswer(bytes);
    post({ id, kind: 'head', head: headOf(answer) });
    post({ id, kind: 'page', page: validatePulledPage(answer) });
  } catch (error) {
    post(
      error instanceof SyncError
        ? { id, kind: 'failed', message: error.message, errorKind: error.kind, status: error.status, said: error.said }
        : { id, kind: 'failed', message: error instanceof Error ? error.message : String(error) },
    );
  }
}

/** What the page needs of a Worker (a real one in the app; the tests drive the same protocol). */
export interface PageWorker {
  postMessage(request: PageRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<PageAnswer>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

interface Pending {
  bytes: ArrayBuffer;
  head: Deferred<PageHead>;
  page: Deferred<ReadPage>;
}

/**
 * Large pages read by a worker started on the first of them (`start`);
 * small ones on this thread. A worker that cannot run (failed to load) is
 * dropped: the pages it held are read here, and so are the next ones — a
 * sync is never stuck on its reader. The bytes are copied to the worker,
 * not transferred, so that they can be read here then.
 */
export function workerPageReader(start: () => PageWorker, minBytes = WORKER_MIN_BYTES): PageReader {
  const inline = inlinePageReader();
  const pending = new Map<number, Pending>();
  let worker: PageWorker | null = null;
  let broken = false;
  let nextId = 0;

  const drop = () => {
    worker?.terminate();
    worker = null;
    broken = true;
    for (const [id, { bytes, head, page }] of pending) {
      pending.delete(id);
      const reading = inline.read(bytes);
      reading.head.then(head.resolve, head.reject);
      reading.page.then(page.resolve, page.reject);
    }
  };

  const started = (): PageWorker => {
    if (worker) return worker;
    const created = start();
    created.onmessage = ({ data }) => {
      const entry = pending.get(data.id);
      if (!entry) return;
      if (data.kind === 'head') return entry.head.resolve(data.head);
      pending.delete(data.id);
      if (data.kind === 'page') return entry.page.resolve(data.page);
      const error = data.errorKind ? new SyncError(data.errorKind, data.message, data.status, data.said) : new Error(data.message);
      entry.head.reject(error);
      entry.page.reject(error);
    };
    created.onerror = (event) => {
      event.preventDefault();
      drop();
    };
    return (worker = created);
  };

  return {
    read(bytes) {
      if (broken || bytes.byteLength < minBytes) return inline.read(bytes);
      const id = nextId++;
      const entry: Pending = { bytes, head: deferred(), page: deferred() };
      pending.set(id, entry);
      try {
        started().postMessage({ id, bytes });
      } catch {
        drop();
      }
      return quiet({ head: entry.head.promise, page: entry.page.promise });
    },
    warm() {
      if (broken) return;
      try {
        started();
      } catch {
        drop();
      }
    },
    close() {
      worker?.terminate();
      worker = null;
      const closed = new SyncError('network', message('sync.error.pagesClosed'));
      for (const { head, page } of pending.values()) {
        head.reject(closed);
        page.reject(closed);
      }
      pending.clear();
    },
  };
}

/** The app's reader: a module worker where the platform has Worker, this thread otherwise. */
export function pageReader(): PageReader {
  if (typeof Worker !== 'function') return inlinePageReader();
  return workerPageReader(() => new Worker(new URL('./page-reader.worker.ts', import.meta.url), { type: 'module', name: 'pull-pages' }) as unknown as PageWorker);
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A page nobody waits for any more (a stream stopped by a failure) must not report an unhandled rejection. */
function quiet(reading: PageReading): PageReading {
  reading.head.catch(() => undefined);
  reading.page.catch(() => undefined);
  return reading;
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
