import { message, messageFr, type Invoice, type Message, type MessageParam } from '../../src-core';
import type { DataLayer } from '../data';
import { forgetCentralIssue, prepareCentralIssue, readAwaitingCentralIssue, recordCentralIssue, rememberCentralIssue } from '../data/invoicing';
import { listConflicts, listSetAside } from '../data/sync-state';
import type { ApiClient } from './api-client';
import { SyncError } from './sync-error';

/**
 * Why issuing through the central API stopped, in French, and what the
 * account manager may do next: `fallback` says the laptop's own series is
 * safe to use now (no issue request reached the server); otherwise the
 * server may have numbered a draft, and only the same request, retried,
 * settles it. `issued`: the documents issued before the stop.
 */
export class CentralIssueError extends Error {
  readonly fallback: boolean;
  readonly issued: Invoice[];

  /** The same as a message code (issue 19): the screen says it in its language. */
  readonly said: Message;

  constructor(said: Message, fallback: boolean, issued: Invoice[]) {
    super(messageFr(said));
    this.name = 'CentralIssueError';
    this.said = said;
    this.fallback = fallback;
    this.issued = issued;
  }
}

export interface CentralIssueOptions {
  /** Who asks: named in the laptop's audit. */
  actor: string;
  /** The intent's id (UUID, the screen's command): a retry sends it again. */
  requestId: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Issues drafts with numbers of the central series (ARCHITECTURE.md, data
 * flow 4b): the drafts made ready here and pushed with the rest of the
 * outbox (`sync`: the engine's cycle), then one `/invoices/issue` per draft,
 * each remembered before it leaves and stored as the server answered it. A
 * draft whose earlier request got no answer is asked again with that same
 * request: the server answers the number it gave, never a second one.
 */
export async function issueThroughServer(
  dataLayer: DataLayer,
  api: ApiClient,
  sync: () => Promise<unknown>,
  ids: readonly string[],
  options: CentralIssueOptions,
): Promise<Invoice[]> {
  const { ctx } = dataLayer;
  const awaiting = new Map((await Promise.all(ids.map((id) => readAwaitingCentralIssue(ctx, id)))).flatMap((a) => (a ? [[a.invoiceId, a] as const] : [])));
  /** A sync before any issue request leaves: failing, nothing was asked of the server for the new drafts. */
  const syncBefore = async () => {
    try {
      await sync();
    } catch (error) {
      const reason = reasonOf(error);
      if (awaiting.size > 0) throw awaitingError(reason, []);
      throw new CentralIssueError(message('central.unavailable', { reason }), true, []);
    }
  };
  // First what the server has (a draft another laptop issued meanwhile arrives issued and is left out), then the drafts made ready here.
  await syncBefore();
  const prepared = await prepareCentralIssue(ctx, ids.filter((id) => !awaiting.has(id)), options.actor);
  const queue = [...[...awaiting.values()].map((a) => ({ invoiceId: a.invoiceId, issueDate: a.issueDate, requestId: a.requestId })), ...prepared.map((d) => ({ invoiceId: d.id, issueDate: d.issueDate, requestId: options.requestId }))];
  if (queue.length === 0) return [];
  if ((await notOnServer(dataLayer, queue.map((q) => q.invoiceId))).length > 0) await syncBefore();
  const unsent = await notOnServer(dataLayer, queue.map((q) => q.invoiceId));
  if (unsent.length > 0) {
    throw new CentralIssueError(message('central.unsent', { count: unsent.length }), false, []);
  }
  const issued: Invoice[] = [];
  for (const request of queue) {
    await rememberCentralIssue(ctx, request);
    let answer;
    try {
      answer = await api.issueInvoice({ ...request, deviceId: ctx.deviceId });
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      // No answer (cut, timeout) or a server failure: the server may have numbered it; the same request, retried, will say.
      if (error.offline || error.kind === 'server') throw awaitingError(reasonOf(error), issued);
      // A refusal for good: nothing was numbered for this request.
      await forgetCentralIssue(ctx, request.invoiceId);
      // Issued by another request (another laptop): the next sync brings its number here.
      if (error.status === 409 && /déjà émis/.test(error.message)) await sync().catch(() => undefined);
      throw new CentralIssueError(message('central.refused', { reason: reasonOf(error) }), false, issued);
    }
    issued.push(await recordCentralIssue(ctx, answer, options.actor));
    options.onProgress?.(issued.length, queue.length);
  }
  return issued;
}

function awaitingError(reason: MessageParam, issued: Invoice[]): CentralIssueError {
  return new CentralIssueError(message('central.noAnswer', { reason }), false, issued);
}

/** A failure inside a sentence: its message code when it has one (a SyncError, a refusal), its French otherwise. */
function reasonOf(error: unknown): MessageParam {
  const said = (error as { said?: Message } | null)?.said;
  if (said) return { message: said };
  return error instanceof Error ? error.message : String(error);
}

/** Drafts with a change not accepted by the server (still queued, set aside or in conflict): the server would issue another copy than the one checked here. */
async function notOnServer(dataLayer: DataLayer, invoiceIds: readonly string[]): Promise<string[]> {
  const { ctx, repos } = dataLayer;
  const wanted = new Set(invoiceIds);
  const queued = await repos.outbox.count();
  const [pending, setAside, conflicts] = await Promise.all([queued > 0 ? repos.outbox.pending(queued) : [], listSetAside(ctx), listConflicts(ctx)]);
  const mutations = [...pending, ...setAside.map((s) => s.mutation), ...conflicts.map((c) => c.mutation)];
  return [...new Set(mutations.filter((m) => m.entity === 'invoices' && wanted.has(m.recordId)).map((m) => m.recordId))];
}
