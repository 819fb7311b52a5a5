import { z } from 'zod';
import { centsSchema, isoDateSchema, recordIdSchema, recordMetaShape } from './common';
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
};

export const paymentInputSchema = z.strictObject(paymentFields);
export type PaymentInput = z.input<typeof paymentInputSchema>;

export const paymentSchema = z.strictObject({ ...recordMetaShape, ...paymentFields });
export type Payment = z.infer<typeof paymentSchema>;
