import { message, refusalError, creditUseProblem, offsetsOnIssue, parseEntity, paymentDateProblem, paymentSchema, type Invoice, type IsoDate, type Payment, type PaymentMethod, type Message } from '../../../src-core';
import { writeChange } from '../change';
import type { DataContext } from '../context';
import { invoicingTransaction } from './transaction';
import { parisToday } from '../context';
import { documentLedger } from './ledger';

/**
 * What a credit note on a paid invoice leaves to do (issue 16): refund the
 * overpayment, or impute it on the client's next invoice. Each is one synced
 * settlement entry (a `payments` record of kind refund / offset) with its
 * audit entry, checked by src-core `creditUseProblem` against the invoice's
 * settlement read in the same transaction; a second submit of the same intent
 * (`commandId`) returns the entry the first one wrote.
 */

export interface RefundInput {
  creditNoteId: string;
  date: IsoDate;
  amountCents: number;
  method: Exclude<PaymentMethod, 'compensation'>;
  reference: string;
}

export function recordRefund(ctx: DataContext, input: RefundInput, actor: string, commandId?: string): Promise<Payment> {
  return invoicingTransaction(ctx, async () => {
    const { note, invoice, done } = await creditSource(ctx, input.creditNoteId, commandId);
    if (done) return done;
    const dateProblem = paymentDateProblem(input.date, note.issueDate, parisToday(ctx), 'refund');
    if (dateProblem) throw refusalError('INVALID_DATE', dateProblem);
    const entry = { kind: 'refund' as const, invoiceId: invoice.id, clientId: invoice.clientId, creditNoteId: note.id, date: input.date, amountCents: input.amountCents, method: input.method, reference: input.reference };
    const summary = message('audit.credit.refund', { amount: { cents: input.amountCents }, date: { date: input.date }, invoice: invoice.number ?? '', note: note.number ?? '' });
    return writeEntry(ctx, entry, note, actor, summary, commandId);
  });
}

/** The overpayment of the credited invoice, to impute on the client's next invoice when it is issued. */
export function offsetOnNextInvoice(ctx: DataContext, input: { creditNoteId: string; amountCents: number }, actor: string, commandId?: string): Promise<Payment> {
  return invoicingTransaction(ctx, async () => {
    const { note, invoice, done } = await creditSource(ctx, input.creditNoteId, commandId);
    if (done) return done;
    const entry = { kind: 'offset' as const, invoiceId: invoice.id, clientId: invoice.clientId, creditNoteId: note.id, date: parisToday(ctx), amountCents: input.amountCents, method: 'compensation' as const, reference: '' };
    const summary = message('audit.credit.offset', { note: note.number ?? '', amount: { cents: input.amountCents }, invoice: invoice.number ?? '' });
    return writeEntry(ctx, entry, note, actor, summary, commandId);
  });
}

async function creditSource(ctx: DataContext, creditNoteId: string, commandId: string | undefined) {
  const note = await ctx.db.invoices.get(creditNoteId);
  const invoice = note?.creditedInvoiceId ? await ctx.db.invoices.get(note.creditedInvoiceId) : undefined;
  if (!note || note.kind !== 'credit_note' || !invoice) throw refusalError('INVALID_INPUT', message('refusal.creditUse.notFromNote'));
  const done = commandId ? (await ctx.db.payments.where('invoiceId').equals(invoice.id).toArray()).find((p) => p.commandId === commandId) : undefined;
  return { note, invoice, done };
}

type EntryFields = Pick<Payment, 'kind' | 'invoiceId' | 'clientId' | 'creditNoteId' | 'date' | 'amountCents' | 'method' | 'reference'>;

async function writeEntry(ctx: DataContext, fields: EntryFields, note: Invoice, actor: string, summary: Message, commandId: string | undefined): Promise<Payment> {
  const source = await documentLedger(ctx, fields.invoiceId);
  const problem = creditUseProblem(
    { kind: fields.kind === 'refund' ? 'refund' : 'offset', clientId: fields.clientId, amountCents: fields.amountCents },
    { source: source?.settlement ? { invoice: source.invoice, settlement: source.settlement } : undefined, creditNote: note },
  );
  if (problem) throw refusalError('INVALID_AMOUNT', problem);
  const at = ctx.now();
  const entry = parseEntity(paymentSchema, { ...fields, ...(commandId ? { commandId } : {}), id: ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Règlement');
  await writeChange(ctx, { entity: 'payments', before: undefined, after: entry, actor, action: 'create', summary, clientId: entry.clientId });
  return entry;
}

/**
 * Issuing an invoice imputes on it the offsets waiting for its client's next
 * invoice (oldest first, up to its total; a larger one is split, the rest
 * waiting for the following invoice). Runs inside the issuing transaction:
 * the invoice and the "Avoir n° … imputé" it states are written together.
 */
export async function imputePendingOffsets(ctx: DataContext, issued: readonly Invoice[], actor: string): Promise<void> {
  const pending = (await ctx.db.payments.where('kind').equals('offset').toArray())
    .filter((o) => o.offsetInvoiceId === undefined && o.cancelledOn === undefined)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (pending.length === 0) return;
  // Each offset as last written in this transaction: several invoices of one client may share it.
  const current = new Map(pending.map((o) => [o.id, o]));
  for (const invoice of issued) {
    if (invoice.kind !== 'invoice') continue;
    const waiting = [...current.values()].filter((o) => o.clientId === invoice.clientId && o.offsetInvoiceId === undefined);
    for (const { entry, imputedCents } of offsetsOnIssue(waiting, invoice.totals.totalCents)) {
      const at = ctx.now();
      const summary = message('audit.credit.imputed', { amount: { cents: imputedCents }, number: invoice.number ?? '' });
      if (imputedCents === entry.amountCents) {
        const after = parseEntity(paymentSchema, { ...entry, offsetInvoiceId: invoice.id, updatedAt: at }, 'Règlement');
        await writeChange(ctx, { entity: 'payments', before: entry, after, actor, action: 'impute', summary, clientId: entry.clientId });
        current.set(entry.id, after);
        continue;
      }
      // The rest stays pending, written first so that at no step do the two exceed the credit.
      const rest = parseEntity(paymentSchema, { ...entry, amountCents: entry.amountCents - imputedCents, updatedAt: at }, 'Règlement');
      await writeChange(ctx, { entity: 'payments', before: entry, after: rest, actor, action: 'split', summary: message('audit.credit.rest', { amount: { cents: rest.amountCents } }), clientId: entry.clientId });
      current.set(entry.id, rest);
      // The imputed part is a new entry of no user intent of its own (the issuing made it).
      const { commandId: _intent, ...fields } = entry;
      const part = parseEntity(
        paymentSchema,
        { ...fields, id: ctx.newId(), amountCents: imputedCents, offsetInvoiceId: invoice.id, createdAt: at, updatedAt: at, version: 0 },
        'Règlement',
      );
      await writeChange(ctx, { entity: 'payments', before: undefined, after: part, actor, action: 'impute', summary, clientId: entry.clientId });
    }
  }
}
