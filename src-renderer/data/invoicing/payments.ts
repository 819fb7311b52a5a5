import { DomainError, paymentProblem, type Payment, type PaymentInput } from '../../../src-core';
import type { DataContext } from '../context';
import { paymentsRepository } from '../repositories/payments';
import { invoicingTransaction } from './common';
import { documentLedger } from './ledger';

/**
 * Records a payment against an issued invoice or surcharge document, refusing
 * more than its balance (src-core `paymentProblem`). The balance is read in the
 * same transaction as the write, so two payments entered at once cannot both
 * pass the check against the same balance.
 */
export function recordPayment(ctx: DataContext, input: PaymentInput, actor: string): Promise<Payment> {
  return invoicingTransaction(ctx, async () => {
    const doc = await documentLedger(ctx, input.invoiceId);
    if (!doc) throw new DomainError('INVALID_INPUT', `Facture introuvable : ${input.invoiceId}.`);
    if (!doc.settlement) {
      throw new DomainError('INVALID_INPUT', doc.invoice.status === 'draft' ? 'Un brouillon ne se paie pas : émettez-le d’abord.' : 'Un avoir ne reçoit pas de paiement.');
    }
    const problem = paymentProblem(doc.settlement, input.amountCents);
    if (problem) throw new DomainError('INVALID_AMOUNT', problem);
    return paymentsRepository(ctx).record(input, actor);
  });
}
