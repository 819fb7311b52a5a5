import type { Invoice } from '../../../src-core';
import { currentActor } from '../../components/actor';
import type { DataContext } from '../../data';
import { issueDrafts, readAwaitingCentralIssue, readIssueSeriesChoice, type WriteProgress } from '../../data/invoicing';
import type { SyncEngine } from '../../sync/engine';

export { CentralIssueError } from '../../sync/central-issue';

/**
 * Issues drafts in the series the account manager sees in the issue notice:
 * signed in (`engine`) with the central series chosen — or a central request
 * of one of them still unanswered, which only that request settles — through
 * the central API; otherwise in the laptop's own series. `deviceOnly`: the
 * fallback the account manager chose after the central API could not be
 * reached. `commandId` is the screen's intent: a retry sends the same request.
 */
export async function issueInChosenSeries(
  ctx: DataContext,
  engine: SyncEngine | null,
  ids: readonly string[],
  commandId: string,
  options: { deviceOnly?: boolean; onProgress?: (progress: WriteProgress) => void } = {},
): Promise<{ issued: Invoice[]; central: boolean }> {
  const { onProgress } = options;
  const awaiting = (await Promise.all(ids.map((id) => readAwaitingCentralIssue(ctx, id)))).some((a) => a !== undefined);
  const central = engine !== null && !options.deviceOnly && (awaiting || (await readIssueSeriesChoice(ctx)) === 'central');
  if (!central) return { issued: await issueDrafts(ctx, ids, currentActor(), onProgress ? { onProgress } : {}), central: false };
  const issued = await engine.issueCentrally(ids, {
    actor: currentActor(),
    requestId: commandId,
    ...(onProgress ? { onProgress: (written: number, total: number) => onProgress({ written, total }) } : {}),
  });
  return { issued, central: true };
}
