import { message, refusalError, type IsoDate } from '../../../src-core';
import type { DataContext } from '../context';
import { CENTRAL_ISSUE_PREFIX, deleteSyncValue, readSyncValue, writeSyncValue } from '../sync-state/keys';

/** An issue request sent to the central API whose answer did not come back: the server may have numbered the draft. */
export interface AwaitingCentralIssue {
  invoiceId: string;
  requestId: string;
  issueDate: IsoDate;
  at: string;
}
export const awaitingKey = (invoiceId: string) => `${CENTRAL_ISSUE_PREFIX}${invoiceId}`;

export async function readAwaitingCentralIssue(ctx: DataContext, invoiceId: string): Promise<AwaitingCentralIssue | undefined> {
  return readSyncValue<AwaitingCentralIssue>(ctx.db, awaitingKey(invoiceId));
}

/**
 * Written just before the request leaves, so that a cut, a crash or a closed
 * window leaves the laptop knowing it asked: the retry sends the same
 * `requestId` and date. Kept on signing out (another server cannot issue it).
 */
export async function rememberCentralIssue(ctx: DataContext, request: Omit<AwaitingCentralIssue, 'at'>): Promise<void> {
  await writeSyncValue(ctx.db, awaitingKey(request.invoiceId), { ...request, at: ctx.now() } satisfies AwaitingCentralIssue);
}

/** The server answered for good (issued, or refused: then nothing was numbered). */
export async function forgetCentralIssue(ctx: DataContext, invoiceId: string): Promise<void> {
  await deleteSyncValue(ctx.db, awaitingKey(invoiceId));
}

/** Issuing in the laptop's series is refused while the central API may have numbered the draft: one document, one number. */
export async function refuseAwaitingCentralIssue(ctx: DataContext, ids: readonly string[]): Promise<void> {
  const awaiting = (await ctx.db.syncState.bulkGet(ids.map(awaitingKey))).filter((row) => row !== undefined);
  if (awaiting.length === 0) return;
  throw refusalError('INVALID_INPUT', message('central.awaitingLocal', { count: awaiting.length }));
}
