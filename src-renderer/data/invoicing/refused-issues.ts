import { formatDocumentNumber, invoiceSchema, parseEntity, type Message, type Mutation, type NumberingSeries, message } from '../../../src-core';
import { writeChange } from '../change';
import type { DataContext } from '../context';
import type { OutboxEntry } from '../db';

/** A document the central API refused to take as issued, with its reason: a message code (issue 19), or French from an older server. */
export interface RefusedIssue {
  invoiceId: string;
  reason: Message | string;
}

/** An outbox entry that must not reach the server while its document is refused, and why (said in the interface's language). */
export interface HeldBack {
  entry: OutboxEntry;
  said: Message;
}

/** A reason inside a sentence: a message, or French as an older server wrote it. */
const reasonParam = (reason: Message | string) => (typeof reason === 'string' ? reason : { message: reason });

/** Fields of a pending change that point to a document: a payment's invoice, a credit note's or surcharge's invoice. */
const REFERENCE_FIELDS = ['invoiceId', 'creditedInvoiceId', 'surchargedInvoiceId'] as const;

/** The document ids a pending change depends on (empty for most changes). */
export function referencedDocuments(mutation: Pick<Mutation, 'entity' | 'changes'>): string[] {
  if (mutation.entity !== 'payments' && mutation.entity !== 'invoices') return [];
  return REFERENCE_FIELDS.flatMap((field) => {
    const value = mutation.changes[field];
    return typeof value === 'string' ? [value] : [];
  });
}

/** A pushed change that numbers a document (an issue, or a credit note created numbered): its refusal undoes the issue here. */
export function issuesADocument(mutation: Pick<Mutation, 'entity' | 'op' | 'changes'>): boolean {
  return mutation.entity === 'invoices' && mutation.op === 'upsert' && typeof mutation.changes.number === 'string';
}

/**
 * The server refused documents this laptop issued (ARCHITECTURE.md, data flow
 * 4b): each goes back to a draft here — an ordinary local change, audited,
 * whose mutation carries the whole draft so the server's copy matches it —
 * and its number is released if nothing else holds it: the series steps back
 * over numbers no document carries any more, never leaving a gap, never
 * reusing a number a document still bears. What depends on a refused document
 * and has not been sent (its payments, a credit note on it) must not reach the
 * server without it: those entries are returned to be set aside with the
 * reason, and a dependent document is refused in turn. Runs inside the
 * caller's transaction over invoices, payments, series, audit, outbox and
 * settings (commitPushResults); `pending` is the outbox without the answered entries.
 * The audit names `actor`, the person signed in on this laptop: the revert is
 * made on their laptop, in their name; the summary says the server refused.
 */
export async function returnRefusedToDraft(ctx: DataContext, refused: readonly RefusedIssue[], pending: readonly OutboxEntry[], actor: string): Promise<HeldBack[]> {
  const { db } = ctx;
  const held: HeldBack[] = [];
  const heldIds = new Set<string>();
  const series = new Set<string>();
  const queue = [...refused];
  const done = new Set<string>();
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (done.has(next.invoiceId)) continue;
    done.add(next.invoiceId);
    const issued = await db.invoices.get(next.invoiceId);
    if (!issued || issued.status !== 'issued' || !issued.number) continue;
    const { number: _number, seriesId, issuedAt: _issuedAt, ...rest } = issued;
    const draft = parseEntity(invoiceSchema, { ...rest, status: 'draft', number: null, updatedAt: ctx.now() }, 'Facture');
    const summary = message('audit.invoice.issueRefused', { number: issued.number ?? '', reason: reasonParam(next.reason) });
    await writeChange(ctx, { entity: 'invoices', before: issued, after: draft, whole: true, actor, action: 'issue_refused', summary, clientId: issued.clientId });
    if (seriesId) series.add(seriesId);
    for (const entry of pending) {
      if (heldIds.has(entry.mutationId) || !referencedDocuments(entry).includes(issued.id)) continue;
      heldIds.add(entry.mutationId);
      const what = { word: entry.entity === 'payments' ? 'code.heldWhat.payment' : 'code.heldWhat.document' };
      held.push({ entry, said: message('sync.setAside.heldWithInvoice', { number: issued.number, reason: reasonParam(next.reason), what }) });
      if (issuesADocument(entry)) queue.push({ invoiceId: entry.recordId, reason: message('sync.setAside.invoiceRefused', { number: issued.number }) });
    }
  }
  for (const id of series) await releaseNumbers(ctx, id);
  return held;
}

/** Steps the series back over its last numbers while no document of this laptop bears them. */
async function releaseNumbers(ctx: DataContext, seriesId: string): Promise<void> {
  const { db } = ctx;
  const stored = await db.series.get(seriesId);
  if (!stored) return;
  const { id: _id, ...state } = stored;
  let series = state as unknown as NumberingSeries;
  const borne = new Map(
    (await db.invoices.issued(seriesId)).map((i) => [i.number, i.issueDate] as const),
  );
  const start = series.lastNumber;
  while (series.lastNumber > 0 && !borne.has(formatDocumentNumber({ ...series, number: series.lastNumber }))) {
    const lastNumber = series.lastNumber - 1;
    const { lastIssueDate: _date, ...rest } = series;
    const previousDate = lastNumber > 0 ? borne.get(formatDocumentNumber({ ...series, number: lastNumber })) : undefined;
    series = { ...rest, lastNumber, ...(previousDate ? { lastIssueDate: previousDate } : {}) };
  }
  if (series.lastNumber !== start) await db.series.put({ id: seriesId, ...series });
}
