import { z } from 'zod';
import { centsSchema, commandIdSchema, isoDateSchema, recordIdSchema, recordMetaShape } from './common';
import { crossChecked } from './as-it-stands';
import { text } from './text';
import { frenchOf } from '../messages';

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
  amountCents: centsSchema.positive(frenchOf('refusal.payment.notPositive')),
  method: z.enum(PAYMENT_METHODS, { error: frenchOf('validation.payment.method') }),
  /** Bank reference, cheque number…; may be empty. */
  reference: text({ max: 140 }),
  /** The user intent that created it: a second submit of the same intent is a no-op. */
  commandId: commandIdSchema,
  /** Cancelled (a rejected transfer, a payment entered twice): kept with its reason, no longer counted. */
  cancelledOn: isoDateSchema.optional(),
  cancellationReason: text({ max: 300, required: frenchOf('validation.payment.reasonRequired') }).optional(),
  /** Absent on a payment received (every record before issue 16). */
  kind: z.enum(PAYMENT_KINDS, { error: frenchOf('validation.payment.kind') }).optional(),
  /** The credit note whose credit a refund or an offset settles. */
  creditNoteId: recordIdSchema.optional(),
  /** The invoice an offset is imputed on; absent while it waits for the client's next invoice. */
  offsetInvoiceId: recordIdSchema.optional(),
};

type PaymentFields = z.infer<z.ZodObject<typeof paymentFields>>;

function checkPayment(p: PaymentFields, ctx: z.RefinementCtx): void {
  if ((p.cancelledOn === undefined) !== (p.cancellationReason === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['cancellationReason'], message: frenchOf('validation.payment.cancellation') });
  }
  const kind = p.kind ?? 'payment';
  if ((kind === 'offset') !== (p.method === 'compensation')) {
    ctx.addIssue({ code: 'custom', path: ['method'], message: frenchOf('validation.payment.compensation') });
  }
  if (kind !== 'payment' && !p.creditNoteId) ctx.addIssue({ code: 'custom', path: ['creditNoteId'], message: frenchOf('validation.payment.creditNoteRequired') });
  if (kind === 'payment' && p.creditNoteId) ctx.addIssue({ code: 'custom', path: ['creditNoteId'], message: frenchOf('validation.payment.noCreditNote') });
  if (kind !== 'offset' && p.offsetInvoiceId) ctx.addIssue({ code: 'custom', path: ['offsetInvoiceId'], message: frenchOf('validation.payment.offsetOnly') });
}

export const paymentInputSchema = crossChecked(z.strictObject(paymentFields), checkPayment);
export type PaymentInput = z.input<typeof paymentInputSchema>;

export const paymentSchema = crossChecked(z.strictObject({ ...recordMetaShape, ...paymentFields }), checkPayment);
export type Payment = z.infer<typeof paymentSchema>;
