import { DomainError, frenchOf, message, type UsageImportRow } from '../../../src-core';
import { createDataContext, type DataContext } from '../context';
import { createDatabase } from '../db';
import { usageCommands } from '../commands/usage';
import { checkUsageFile } from './check';
import type { UsageImportMessage, UsageImportRequest } from './protocol';

/**
 * The usage import's worker: reads, checks and writes a usage CSV off the
 * screen's thread, on its own connection to the app's database (IndexedDB
 * is shared by the page and its workers; Dexie tells the page's live
 * queries what changed). One file per worker: the screen starts a new one
 * for the next file, and terminates it to cancel a reading.
 */
const scope = self as unknown as { postMessage(message: UsageImportMessage): void; onmessage: ((event: MessageEvent<UsageImportRequest>) => void) | null };

let session: { ctx: DataContext; rows: UsageImportRow[] } | null = null;
let abort: AbortController | null = null;

scope.onmessage = ({ data: request }) => {
  if (request.kind === 'check') void check(request);
  else if (request.kind === 'write') void write(request);
  else abort?.abort();
};

async function check({ database, deviceId, file, today }: Extract<UsageImportRequest, { kind: 'check' }>): Promise<void> {
  try {
    const db = createDatabase({ name: database });
    await db.open();
    const ctx = createDataContext(db, deviceId);
    const text = await file.text();
    const { check, rows } = await checkUsageFile(ctx, text, today, (done, total) => scope.postMessage({ kind: 'reading', done, total }));
    session = { ctx, rows };
    scope.postMessage({ kind: 'checked', check });
  } catch (error) {
    scope.postMessage({ kind: 'failed', stage: 'check', ...failure(error) });
  }
}

async function write({ actor, now }: Extract<UsageImportRequest, { kind: 'write' }>): Promise<void> {
  if (!session) return scope.postMessage({ kind: 'failed', stage: 'write', message: frenchOf('usageCsv.nothingChecked'), said: message('usageCsv.nothingChecked') });
  const { rows } = session;
  const ctx = { ...session.ctx, now: () => now };
  abort = new AbortController();
  const { signal } = abort;
  try {
    const changed = await usageCommands(ctx).importMonths(rows, actor, { signal, onProgress: ({ written, total }) => scope.postMessage({ kind: 'writing', written, total }) });
    scope.postMessage({ kind: 'written', rows: rows.length, contracts: new Set(rows.map((r) => r.contractId)).size, changed });
  } catch (error) {
    scope.postMessage(signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', stage: 'write', ...failure(error) });
  } finally {
    abort = null;
  }
}

/** An error's French and, for a refusal, its message code (an Error's class does not cross to the page). */
const failure = (error: unknown) => (error instanceof DomainError && error.said ? { message: error.message, said: error.said } : { message: error instanceof Error ? error.message : String(error) });
