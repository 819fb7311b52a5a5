import { allocateNumber, seriesPrefixOf, type NumberingSeries } from '../../src-core/billing';
import type { InvoiceKind } from '../../src-core/model';
import type { InvoiceIssueRequest, InvoiceIssueResponse } from '../../src-core/sync';
import type { Db, Queryable } from '../storage/db';
import { HttpError } from '../http/errors';
import { message } from '../../src-core/messages';
import { lockWrites, loadRecord } from '../sync/record-store';
import { writeServerChange } from '../sync/server-change';
import { futureIssueDateRefusal } from './issue-date';
import { isIssued } from './issued-invoice';
import { loadSeries, numberingRefusal, saveSeries } from './series-store';

/**
 * Gives a draft the next number of the central series. Everything happens in
 * one write transaction: if anything fails the number is not consumed, so the
 * series has no gap; writers are serialised (lockWrites), so two concurrent
 * issues never get the same number. Idempotent by `requestId`: the request
 * that issued a document, sent again (its answer lost), gets that document as
 * it stands — never a second number; any other request on an issued document
 * is refused (409 ALREADY_ISSUED).
 */
export async function issueInvoice(db: Db, userId: string, request: InvoiceIssueRequest): Promise<InvoiceIssueResponse> {
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    const current = await loadRecord(tx, 'invoices', request.invoiceId);
    if (!current || current.deleted) throw new HttpError(404, 'UNKNOWN_INVOICE', message('sync.refusal.unknownInvoice', { id: request.invoiceId }));
    if (isIssued(current.data)) {
      if (request.requestId && (await issuedBy(tx, request.invoiceId, request.requestId))) {
        return { invoiceId: request.invoiceId, number: String(current.data.number), version: current.version, record: current.data };
      }
      throw new HttpError(409, 'ALREADY_ISSUED', message('sync.refusal.alreadyIssued', { number: String(current.data.number) }));
    }
    const issueDate = request.issueDate ?? String(current.data.issueDate);
    const future = futureIssueDateRefusal(issueDate);
    if (future) throw new HttpError(409, 'FUTURE_ISSUE_DATE', future);
    // The draft was validated when it was pushed: its kind is one of INVOICE_KINDS.
    const prefix = seriesPrefixOf(current.data.kind as InvoiceKind);
    let allocated: { number: string; series: NumberingSeries };
    try {
      allocated = allocateNumber(await loadSeries(tx, prefix, Number(issueDate.slice(0, 4))), issueDate);
    } catch (error) {
      throw numberingRefusal(error);
    }
    await saveSeries(tx, allocated.series);
    const actor = { userId, action: 'issue' as const, ...(request.deviceId ? { deviceId: request.deviceId } : {}), ...(request.requestId ? { mutationId: request.requestId } : {}) };
    const { next } = await writeServerChange(tx, actor, 'invoices', request.invoiceId, current, {
      number: allocated.number,
      status: 'issued',
      issueDate,
      issuedAt: new Date().toISOString(),
    });
    return { invoiceId: request.invoiceId, number: allocated.number, version: next.version, record: next.data };
  });
}

/** Whether this request is the one that issued the document: its id is kept on the issue's audit entry. */
async function issuedBy(tx: Queryable, invoiceId: string, requestId: string): Promise<boolean> {
  const found = await tx.query(`select 1 from audit_log where entity = 'invoices' and record_id = $1 and action = 'issue' and mutation_id = $2`, [invoiceId, requestId]);
  return found.length > 0;
}
