import { z } from 'zod';
import { centsSchema, commandIdSchema, isoDateSchema, recordIdSchema, recordMetaShape } from './common';
import { text } from './text';

/**
 * Settlement entries of invoices (CGV §6.6): payments received and, once a
 * credit note leaves a paid invoice overpaid (issue 16), the refund of the
 * overpayment or its offset (imputation) on the client's next invoice.
 */

/** 'compensation' is the means of an offset only: money received or refunded has a real means. */
export const PAYMENT_METHODS = ['virement', 'prelevement', 'cheque', 'carte', 'autre', 'compensation'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * payment: money received on `invoiceId`. refund: money paid back to the client
 * out of what `invoiceId` received beyond its balance. offset: that overpayment
 * imputed on the client's next invoice (`offsetInvoiceId`, absent until that
 * invoice is issued): it settles that invoice, it does not change its totals.
 */
export const PAYMENT_KINDS = ['payment', 'refund', 'offset'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

const paymentFields = {
  invoiceId: recordIdSchema,
  /** Copied from the invoice so a client's file is one indexed query. */
  clientId: recordIdSchema,
  date: isoDateSchema,
  amountCents: centsSchema.positive('Le montant du paiement doit être positif.'),
  method: z.enum(PAYMENT_METHODS, { error: 'Moyen de paiement invalide (virement, prélèvement, chèque, carte ou autre).' }),
  /** Bank reference, cheque number…; may be empty. */
  reference: text({ max: 140 }),
  /** The user intent that created it: a second submit of the same intent is a no-op. */
  commandId: commandIdSchema,
  /** Cancelled (a rejected transfer, a payment entered twice): kept with its reason, no longer counted. */
  cancelledOn: isoDateSchema.optional(),
  cancellationReason: text({ max: 300, required: 'Le motif de l’annulation est obligatoire.' }).optional(),
  /** Absent on a payment received (every record before issue 16). */
  kind: z.enum(PAYMENT_KINDS, { error: 'Type de règlement invalide (paiement, remboursement ou imputation).' }).optional(),
  /** The credit note whose credit a refund or an offset settles. */
  creditNoteId: recordIdSchema.optional(),
  /** The invoice an offset is imputed on; absent while it waits for the client's next invoice. */
  offsetInvoiceId: recordIdSchema.optional(),
};

type PaymentFields = z.infer<z.ZodObject<typeof paymentFields>>;

function checkPayment(p: PaymentFields, ctx: z.RefinementCtx): void {
  if ((p.cancelledOn === undefined) !== (p.cancellationReason === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['cancellationReason'], message: 'Une annulation de paiement porte sa date et son motif.' });
  }
  const kind = p.kind ?? 'payment';
  if ((kind === 'offset') !== (p.method === 'compensation')) {
    ctx.addIssue({ code: 'custom', path: ['method'], message: 'La compensation est le moyen d’une imputation d’avoir, et d’elle seule.' });
  }
  if (kind !== 'payment' && !p.creditNoteId) ctx.addIssue({ code: 'custom', path: ['creditNoteId'], message: 'Un remboursement ou une imputation nomme l’avoir qu’il règle.' });
  if (kind === 'payment' && p.creditNoteId) ctx.addIssue({ code: 'custom', path: ['creditNoteId'], message: 'Un paiement reçu ne nomme pas d’avoir.' });
  if (kind !== 'offset' && p.offsetInvoiceId) ctx.addIssue({ code: 'custom', path: ['offsetInvoiceId'], message: 'Seule une imputation d’avoir vise une autre facture.' });
}

export const paymentInputSchema = z.strictObject(paymentFields).superRefine(checkPayment);
export type PaymentInput = z.input<typeof paymentInputSchema>;

export const paymentSchema = z.strictObject({ ...recordMetaShape, ...paymentFields }).superRefine(checkPayment);
export type Payment = z.infer<typeof paymentSchema>;
