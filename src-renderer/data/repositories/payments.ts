import { DomainError, enforce, formatEuros, newPaymentRefusal, parseEntity, paymentDeletionRefusal, paymentInputSchema, paymentSchema, type Payment, type PaymentInput } from '../../../src-core';
import { parisToday } from '../context';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';

export function paymentsRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    ofInvoice: (invoiceId: string) => db.payments.where('invoiceId').equals(invoiceId).sortBy('date'),
    ofClient: (clientId: string) => db.payments.where('clientId').equals(clientId).sortBy('date'),

    /**
     * Writes a payment against an issued invoice of the same client, within its balance and dated between
     * its issue and today (src-core `newPaymentRefusal`, read in the same transaction; the central API
     * checks the same). Idempotence is `recordPayment`'s (data/invoicing), which screens use.
     */
    async record(input: PaymentInput, actor: string): Promise<Payment> {
      const fields = parseEntity(paymentInputSchema, input, 'Paiement');
      const at = ctx.now();
      const payment = parseEntity(paymentSchema, { ...fields, id: ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Paiement');
      await changeTransaction(ctx, ['payments', 'invoices'], async () => {
        const invoice = await db.invoices.get(payment.invoiceId);
        const [payments, creditNotes] = await Promise.all([
          db.payments.where('invoiceId').equals(payment.invoiceId).toArray(),
          invoice ? db.invoices.where('clientId').equals(invoice.clientId).filter((d) => d.creditedInvoiceId === invoice.id).toArray() : [],
        ]);
        enforce(newPaymentRefusal(payment, { invoice, payments, creditNotes, today: parisToday(ctx) }));
        const summary = `Paiement de ${formatEuros(payment.amountCents)} (${payment.method}) sur la facture ${invoice!.number}.`;
        await writeChange(ctx, { entity: 'payments', before: undefined, after: payment, actor, action: 'create', summary, clientId: payment.clientId });
      });
      return payment;
    },

    /**
     * Removes a payment entered by mistake that never left this laptop (the audit keeps its trace).
     * Once synced it is never deleted: `cancelPayment` (data/invoicing) marks it cancelled with a reason.
     */
    remove(id: string, actor: string): Promise<void> {
      return changeTransaction(ctx, ['payments'], async () => {
        const before = await db.payments.get(id);
        if (!before) throw new DomainError('INVALID_INPUT', `Paiement introuvable : ${id}.`);
        enforce(paymentDeletionRefusal(before));
        const summary = `Paiement de ${formatEuros(before.amountCents)} du ${before.date} supprimé.`;
        await writeChange(ctx, { entity: 'payments', before, after: null, actor, action: 'delete', summary, clientId: before.clientId });
      });
    },
  };
}
