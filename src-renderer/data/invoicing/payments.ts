import {
  message, refusalError, enforce, newPaymentRefusal, paymentCancellation, paymentDeletionRefusal, paymentInputSchema, paymentSchema, parseEntity,
  type Payment, type PaymentInput } from '../../../src-core';
import { writeChange } from '../change';
import type { DataContext } from '../context';
import { invoicingTransaction } from './transaction';
import { parisToday } from '../context';

/**
 * Records a payment against an issued invoice or surcharge document of the
 * same client, refusing more than its balance and a date before the document
 * or in the future: src-core `newPaymentRefusal`, the rule the central API
 * applies to a pushed payment. The balance is read in
 * the same transaction as the write, so two payments entered at once cannot
 * both pass the check against the same balance. A second submit of the same
 * intent (its `commandId`) returns the payment the first one recorded.
 */
export function recordPayment(ctx: DataContext, input: PaymentInput, actor: string): Promise<Payment> {
  return invoicingTransaction(ctx, async () => {
    const done = input.commandId ? await paymentOfCommand(ctx, input.invoiceId, input.commandId) : undefined;
    if (done) return done;
    const fields = parseEntity(paymentInputSchema, input, 'Paiement');
    const at = ctx.now();
    const payment = parseEntity(paymentSchema, { ...fields, id: ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Paiement');
    const invoice = await ctx.db.invoices.get(payment.invoiceId);
    const [payments, creditNotes] = await Promise.all([
      ctx.db.payments.where('invoiceId').equals(payment.invoiceId).toArray(),
      invoice ? ctx.db.invoices.ofClient(invoice.clientId).then((family) => family.filter((d) => d.creditedInvoiceId === invoice.id)) : [],
    ]);
    enforce(newPaymentRefusal(payment, { invoice, payments, creditNotes, today: parisToday(ctx) }));
    const summary = message('audit.payment.create', { amount: { cents: payment.amountCents }, method: payment.method, number: invoice!.number ?? '' });
    await writeChange(ctx, { entity: 'payments', before: undefined, after: payment, actor, action: 'create', summary, clientId: payment.clientId });
    return payment;
  });
}

/**
 * Removes a payment entered by mistake that never left this laptop (the audit keeps its trace).
 * Once synced it is never deleted: `cancelPayment` marks it cancelled with a reason.
 */
export function removePayment(ctx: DataContext, id: string, actor: string): Promise<void> {
  return invoicingTransaction(ctx, async () => {
    const before = await ctx.db.payments.get(id);
    if (!before) throw refusalError('INVALID_INPUT', message('refusal.notFound.payment', { id }));
    enforce(paymentDeletionRefusal(before));
    const summary = message('audit.payment.delete', { amount: { cents: before.amountCents }, date: before.date });
    await writeChange(ctx, { entity: 'payments', before, after: null, actor, action: 'delete', summary, clientId: before.clientId });
  });
}

async function paymentOfCommand(ctx: DataContext, invoiceId: string, commandId: string): Promise<Payment | undefined> {
  return (await ctx.db.payments.where('invoiceId').equals(invoiceId).toArray()).find((p) => p.commandId === commandId);
}

/**
 * Cancels a payment (a rejected transfer, one entered twice) with a reason:
 * the record stays, marked cancelled, so the change is audited and synced like
 * any other and nobody's copy loses it; it no longer counts in the balance.
 * Cancelling again a payment already cancelled for the same reason is a no-op.
 */
export function cancelPayment(ctx: DataContext, paymentId: string, reason: string, actor: string): Promise<Payment> {
  return invoicingTransaction(ctx, async () => {
    const before = await ctx.db.payments.get(paymentId);
    if (!before) throw refusalError('INVALID_INPUT', message('refusal.notFound.payment', { id: paymentId }));
    if (before.cancelledOn !== undefined && before.cancellationReason === reason.trim()) return before;
    if (before.offsetInvoiceId) {
      const on = await ctx.db.invoices.get(before.offsetInvoiceId);
      throw refusalError('INVALID_INPUT', message('refusal.offset.onIssued', { number: on?.number ?? before.offsetInvoiceId ?? '' }));
    }
    const cancellation = paymentCancellation(before, reason, parisToday(ctx));
    const after = parseEntity(paymentSchema, { ...before, ...cancellation, updatedAt: ctx.now() }, 'Paiement');
    const invoice = await ctx.db.invoices.get(before.invoiceId);
    const summary = message('audit.payment.cancel', { amount: { cents: before.amountCents }, date: { date: before.date }, number: invoice?.number ?? before.invoiceId, reason: cancellation.cancellationReason });
    await writeChange(ctx, { entity: 'payments', before, after, actor, action: 'cancel', summary, clientId: before.clientId });
    return after;
  });
}
