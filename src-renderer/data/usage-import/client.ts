import type { IsoDate } from '../../../src-core';
import type { DataLayer } from '../open';
import type { UsageImportMessage, UsageImportRequest } from './protocol';

/** One file's import, driven by the screen: checked as soon as it starts, then written on `write`. */
export interface UsageImportSession {
  write(actor: string): void;
  /** Before the write: stops the reading. During it: abandons the transaction (a `cancelled` message follows unless it already committed). */
  cancel(): void;
  /** Stops the worker (leaving the screen, choosing another file); a write already started is let finish first. */
  dispose(): void;
}

/**
 * Starts the import of `file` in a worker on the app's database (`worker.ts`).
 * Every step is reported to `onMessage`; a worker that fails to start is
 * reported as a failed check.
 */
export function startUsageImport(layer: Pick<DataLayer, 'db' | 'ctx'>, file: Blob, today: IsoDate, onMessage: (message: UsageImportMessage) => void, workerFailed: string): UsageImportSession {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let writing = false;
  let disposed = false;
  const post = (request: UsageImportRequest) => worker.postMessage(request);
  worker.onmessage = (event: MessageEvent<UsageImportMessage>) => {
    const message = event.data;
    const over = ['written', 'cancelled', 'failed'].includes(message.kind);
    if (over) writing = false;
    if (disposed) {
      if (over) worker.terminate();
      return;
    }
    onMessage(message);
  };
  worker.onerror = (event) => onMessage({ kind: 'failed', stage: writing ? 'write' : 'check', message: event.message || workerFailed });
  post({ kind: 'check', database: layer.db.name, deviceId: layer.ctx.deviceId, file, today });
  return {
    write(actor) {
      // One file, one import: a second click before the first write ends sends nothing.
      if (writing) return;
      writing = true;
      post({ kind: 'write', actor, now: layer.ctx.now() });
    },
    cancel() {
      if (writing) post({ kind: 'cancel' });
      else worker.terminate();
    },
    dispose() {
      disposed = true;
      // Terminated mid-write, the transaction would be lost without a word: it ends first, then the worker.
      if (!writing) worker.terminate();
    },
  };
}
