import type { DataContext } from '../context';

/** Reads of payments (their writes are the invoicing commands: recordPayment, cancelPayment, removePayment…). */
export function paymentsRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    ofInvoice: (invoiceId: string) => db.payments.where('invoiceId').equals(invoiceId).sortBy('date'),
    ofClient: (clientId: string) => db.payments.where('clientId').equals(clientId).sortBy('date'),
  };
}
