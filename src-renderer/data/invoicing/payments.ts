import {
  DomainError, formatDateFr, formatEuros, paymentCancellation, paymentSchema, parseEntity,
  type Payment, type PaymentInput,
} from '../../../src-core';
import { writeChange } from '../change';
import type { DataContext } from '../context';
import { paymentsRepository } from '../repositories/payments';
import { invoicingTransaction } from './transaction';
import { parisToday } from '../context';

/**
 * Records a payment against an issued invoice or surcharge document of the
 * same client, refusing more than its balance and a date before the document
 * or in the future: src-core `newPaymentRefusal` (in the repository's
 * `record`), the rule the central API applies to a pushed payment. The balance is read in
 * the same transaction as the write, so two payments entered at once cannot
 * both pass the check against the same balance. A second submit of the same
 * intent (its `commandId`) returns the payment the first one recorded.
 */
export function recordPayment(ctx: DataContext, input: PaymentInput, actor: string): Promise<Payment> {
  return invoicingTransaction(ctx, async () => {
    const done = input.commandId ? await paymentOfCommand(ctx, input.invoiceId, input.commandId) : undefined;
    if (done) return done;
    return paymentsRepository(ctx).record(input, actor);
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
    if (!before) throw new DomainError('INVALID_INPUT', `Paiement introuvable : ${paymentId}.`);
    if (before.cancelledOn !== undefined && before.cancellationReason === reason.trim()) return before;
    if (before.offsetInvoiceId) {
      const on = await ctx.db.invoices.get(before.offsetInvoiceId);
      throw new DomainError('INVALID_INPUT', `Cette imputation figure sur la facture émise ${on?.number ?? before.offsetInvoiceId} : elle ne s’annule pas, un avoir sur cette facture la corrige.`);
    }
    const cancellation = paymentCancellation(before, reason, parisToday(ctx));
    const after = parseEntity(paymentSchema, { ...before, ...cancellation, updatedAt: ctx.now() }, 'Paiement');
    const invoice = await ctx.db.invoices.get(before.invoiceId);
    const summary = `Paiement de ${formatEuros(before.amountCents)} du ${formatDateFr(before.date)} sur la facture ${invoice?.number ?? before.invoiceId} annulé : ${cancellation.cancellationReason}.`;
    await writeChange(ctx, { entity: 'payments', before, after, actor, action: 'cancel', summary, clientId: before.clientId });
    return after;
  });
}
