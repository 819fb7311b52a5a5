import { cdarXml, collectionDue, withPlatformEvent, type MonthReport, type PlatformState, type SellerProfile } from '../../src-core';
import { markReported, prepareEReport } from './e-reporting';
import type { Db, Queryable } from '../storage/db';
import { lockWrites, loadRecord } from '../sync/record-store';
import { writeServerChange } from '../sync/server-change';
import { invoiceXml, isFullyPaid, loadInvoice } from './flow-documents';
import type { QueuedFlow } from './flow-queue';
import { PlatformError, type FlowFile, type PlatformAdapter } from './platform-client';
import type { FlowInfo } from './flow-protocol';

/** System user of the audit trail for what the platform changes (migration 0005). */
export const PLATFORM_USER_ID = 'system-platform';

export interface SenderOptions {
  seller: SellerProfile;
  /** First retry delay; each failure doubles it, up to `maxRetryMs` (default 2 s, 15 min). */
  retryBaseMs?: number;
  maxRetryMs?: number;
  /**
   * How long a claimed flow belongs to the process sending it (default 60 s,
   * longer than a request's timeout): a process that died mid-request leaves
   * it, and another process (or the same, restarted) takes it over after that.
   */
  leaseMs?: number;
}

/** Exponential backoff: base × 2^(attempt − 1), capped. */
export function retryDelayMs(attempts: number, options: Pick<SenderOptions, 'retryBaseMs' | 'maxRetryMs'>): number {
  const base = options.retryBaseMs ?? 2000;
  return Math.min(options.maxRetryMs ?? 15 * 60_000, base * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims the oldest due flow for this process: its attempt is counted and
 * committed before anything leaves, so a crash mid-request is known on the
 * next attempt, which then looks the flow up on the platform by its tracking
 * id before sending it again (never twice: the platform does not check
 * tracking ids itself, XP Z12-013 §5.2.2). `skip locked`: two processes on
 * one PostgreSQL never claim the same flow.
 */
async function claimNext(db: Db, leaseMs: number): Promise<QueuedFlow | undefined> {
  const [claimed] = await db.query<QueuedFlow>(
    `update platform_flows set state = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => $1::double precision)
     where tracking_id = (
       select tracking_id from platform_flows
       where (state = 'queued' and next_attempt_at <= now()) or (state = 'sending' and lease_until < now())
       order by queued_at, tracking_id limit 1 for update skip locked)
     returning tracking_id, kind, record_id, state, flow_id, attempts, last_error`,
    [leaseMs / 1000],
  );
  return claimed;
}

/** Sends every due flow, one at a time; answers how many reached the platform. */
export async function sendDueFlows(db: Db, platform: PlatformAdapter, options: SenderOptions, log: (message: string) => void): Promise<number> {
  let sent = 0;
  for (let flow = await claimNext(db, options.leaseMs ?? 60_000); flow; flow = await claimNext(db, options.leaseMs ?? 60_000)) {
    try {
      const outcome = await sendOne(db, platform, flow, options, log);
      if (outcome === 'sent') sent += 1;
    } catch (error) {
      const transient = error instanceof PlatformError ? error.transient : false;
      const message = error instanceof Error ? error.message : String(error);
      if (transient) {
        await db.query(`update platform_flows set state = 'queued', last_error = $2, next_attempt_at = now() + make_interval(secs => $3::double precision) where tracking_id = $1`, [
          flow.tracking_id,
          message.slice(0, 500),
          retryDelayMs(flow.attempts, options) / 1000,
        ]);
      } else {
        await db.query(`update platform_flows set state = 'failed', last_error = $2 where tracking_id = $1`, [flow.tracking_id, message.slice(0, 500)]);
      }
      log(`flux ${flow.tracking_id} : ${transient ? `nouvel essai plus tard (essai ${flow.attempts})` : 'refusé'} — ${message}`);
    }
  }
  return sent;
}

type Outcome = 'sent' | 'dropped' | 'waiting' | 'invalid';

async function sendOne(db: Db, platform: PlatformAdapter, flow: QueuedFlow, options: SenderOptions, log: (message: string) => void): Promise<Outcome> {
  const prepared = await prepare(db, flow, options.seller);
  if (prepared instanceof NotSendable) {
    // Never sent, never retried: the document is immutable, so it fails the same way every time; its laptops are told why.
    await db.transaction(async (tx) => {
      await lockWrites(tx);
      await tx.query(`update platform_flows set state = 'failed', last_error = $2, lease_until = null where tracking_id = $1`, [flow.tracking_id, prepared.message.slice(0, 500)]);
      await recordNotSent(tx, flow.record_id, prepared.reasons);
    });
    log(`flux ${flow.tracking_id} : non transmis — ${prepared.message}`);
    return 'invalid';
  }
  if (prepared === 'dropped') {
    // No longer due (a payment cancelled, the document rejected): forget it, a later change queues it again.
    await db.query(`delete from platform_flows where tracking_id = $1 and state = 'sending'`, [flow.tracking_id]);
    return 'dropped';
  }
  if (prepared === 'waiting') {
    await db.query(`update platform_flows set state = 'queued', attempts = attempts - 1, next_attempt_at = now() + make_interval(secs => $2::double precision) where tracking_id = $1`, [
      flow.tracking_id,
      retryDelayMs(1, options) / 1000,
    ]);
    return 'waiting';
  }
  // An earlier attempt may have reached the platform without its answer reaching us.
  const known = flow.attempts > 1 ? (await platform.search({ where: { trackingId: flow.tracking_id, flowDirection: ['Out'] }, limit: 1 }))[0] : undefined;
  const flowId = known?.flowId ?? (await platform.submit(prepared.info, prepared.file)).flowId;
  await db.transaction(async (tx) => {
    await lockWrites(tx);
    await tx.query(`update platform_flows set state = 'sent', flow_id = $2, sent_at = now(), last_error = null, lease_until = null where tracking_id = $1`, [flow.tracking_id, flowId]);
    if (prepared.report) await markReported(tx, prepared.report, PLATFORM_USER_ID);
    else await recordOnInvoice(tx, flow, flowId);
  });
  return 'sent';
}

interface Prepared {
  info: FlowInfo;
  file: FlowFile;
  /** An e-reporting flow: what it carries, marked on the documents once sent. */
  report?: MonthReport;
}

/** A document the central API will not send: it fails the EN 16931 rules here, each reason in French. */
class NotSendable {
  constructor(
    readonly message: string,
    readonly reasons: string[],
  ) {}
}

async function prepare(db: Db, flow: QueuedFlow, seller: SellerProfile): Promise<Prepared | NotSendable | 'dropped' | 'waiting'> {
  if (flow.kind === 'ereporting') return (await prepareEReport(db, flow.tracking_id, flow.record_id, seller)) ?? 'dropped';
  const invoice = await loadInvoice(db, flow.record_id);
  if (!invoice?.number) throw new Error(`Document ${flow.record_id} introuvable ou sans numéro.`);
  if (flow.kind === 'invoice') {
    const { xml, problems } = await invoiceXml(db, invoice, seller);
    if (problems.length > 0) {
      return new NotSendable(`Document ${invoice.number} non conforme EN 16931 : ${problems.map((p) => p.rule).join(', ')}.`, problems.map((p) => `[${p.rule}] ${p.message}`));
    }
    return {
      info: { trackingId: flow.tracking_id, name: `${invoice.number}.xml`, processingRule: 'B2B', flowSyntax: 'CII', flowProfile: 'CIUS' },
      file: { name: `${invoice.number}.xml`, content: xml, contentType: 'application/xml' },
    };
  }
  // "encaissée" (collected): after its invoice reached the platform, while the document is still fully paid and open.
  const [invoiceFlow] = await db.query<{ state: string }>(`select state from platform_flows where kind = 'invoice' and record_id = $1`, [invoice.id]);
  if (invoiceFlow?.state !== 'sent') return invoiceFlow?.state === 'failed' ? 'dropped' : 'waiting';
  if (!collectionDue(invoice.platform, await isFullyPaid(db, invoice))) return 'dropped';
  const xml = cdarXml({ documentNumber: invoice.number, documentIssueDate: invoice.issueDate, status: 'collected', at: new Date().toISOString(), senderSiren: seller.siren });
  return {
    info: { trackingId: flow.tracking_id, name: `${flow.tracking_id}.xml`, processingRule: 'B2B', flowSyntax: 'CDAR' },
    file: { name: `${invoice.number}-encaissee.xml`, content: xml, contentType: 'application/xml' },
  };
}

/** The invoice says it was not sent, and why, to every laptop (its platform panel). */
async function recordNotSent(tx: Queryable, recordId: string, reasons: string[]): Promise<void> {
  const current = await loadRecord(tx, 'invoices', recordId);
  if (!current || current.deleted) return;
  const state = (current.data.platform as PlatformState | undefined) ?? { history: [] };
  const notSent = { at: new Date().toISOString(), reasons: reasons.slice(0, 50) };
  await writeServerChange(tx, { userId: PLATFORM_USER_ID, action: 'platform' }, 'invoices', recordId, current, { platform: { ...state, notSent } });
}

/** The invoice shows its flow once sent, and "encaissée" once that status reached the platform. */
async function recordOnInvoice(tx: Queryable, flow: QueuedFlow, flowId: string): Promise<void> {
  const current = await loadRecord(tx, 'invoices', flow.record_id);
  if (!current || current.deleted) return;
  const state = (current.data.platform as PlatformState | undefined) ?? { history: [] };
  const next = flow.kind === 'invoice' ? { ...state, flowId } : withPlatformEvent(state, { status: 'collected', at: new Date().toISOString() });
  if (next) await writeServerChange(tx, { userId: PLATFORM_USER_ID, action: 'platform' }, 'invoices', flow.record_id, current, { platform: next });
}
