import { DomainError, formatEuros, parseEntity, paymentInputSchema, paymentSchema, type Payment, type PaymentInput } from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';

export function paymentsRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    ofInvoice: (invoiceId: string) => db.payments.where('invoiceId').equals(invoiceId).sortBy('date'),
    ofClient: (clientId: string) => db.payments.where('clientId').equals(clientId).sortBy('date'),

    /**
     * Writes a payment against an issued invoice of the same client, without the business checks
     * (balance, dates, idempotence): screens record payments with `recordPayment` (data/invoicing).
     */
    async record(input: PaymentInput, actor: string): Promise<Payment> {
      const fields = parseEntity(paymentInputSchema, input, 'Paiement');
      const at = ctx.now();
      const payment = parseEntity(paymentSchema, { ...fields, id: ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Paiement');
      await changeTransaction(ctx, ['payments', 'invoices'], async () => {
        const invoice = await db.invoices.get(payment.invoiceId);
        if (!invoice || invoice.clientId !== payment.clientId) throw new DomainError('INVALID_INPUT', `Facture introuvable pour ce client : ${payment.invoiceId}.`);
        if (invoice.status !== 'issued') throw new DomainError('INVALID_INPUT', 'Un paiement ne peut être enregistré que sur une facture émise.');
        const summary = `Paiement de ${formatEuros(payment.amountCents)} (${payment.method}) sur la facture ${invoice.number}.`;
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
        if (before.version > 0) throw new DomainError('INVALID_INPUT', 'Ce paiement est déjà synchronisé : il ne se supprime pas, il s’annule avec un motif.');
        const summary = `Paiement de ${formatEuros(before.amountCents)} du ${before.date} supprimé.`;
        await writeChange(ctx, { entity: 'payments', before, after: null, actor, action: 'delete', summary, clientId: before.clientId });
      });
    },
  };
}
