import { z } from 'zod';
import { centsSchema, commandIdSchema, isoDateSchema, recordIdSchema, recordMetaShape } from './common';
import { text } from './text';

/** Payments recorded against invoices (CGV §6.6). */

export const PAYMENT_METHODS = ['virement', 'prelevement', 'cheque', 'carte', 'autre'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

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
};

type PaymentFields = z.infer<z.ZodObject<typeof paymentFields>>;

function checkPayment(p: PaymentFields, ctx: z.RefinementCtx): void {
  if ((p.cancelledOn === undefined) !== (p.cancellationReason === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['cancellationReason'], message: 'Une annulation de paiement porte sa date et son motif.' });
  }
}

export const paymentInputSchema = z.strictObject(paymentFields).superRefine(checkPayment);
export type PaymentInput = z.input<typeof paymentInputSchema>;

export const paymentSchema = z.strictObject({ ...recordMetaShape, ...paymentFields }).superRefine(checkPayment);
export type Payment = z.infer<typeof paymentSchema>;
