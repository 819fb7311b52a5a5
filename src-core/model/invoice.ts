import { z } from 'zod';
import { centsSchema, commandIdSchema, instantSchema, isoDateSchema, recordIdSchema, recordMetaShape, requiredText, yearMonthSchema } from './common';
import { crossChecked } from './as-it-stands';
import { compareDates } from '../dates';
import { TEXT_LIMITS, text } from './text';
import { platformStateSchema } from './platform-status';
import { frenchOf } from '../messages';

/**
 * Invoices, credit notes and late-payment surcharges as stored (CGV §5.3, §6.6;
 * DOMAIN.md, Billing). Lines and totals have the shape src-core/billing computes
 * (`InvoiceLine`, `InvoiceTotals`), so a draft is stored as computed.
 */

export const INVOICE_KINDS = ['invoice', 'credit_note', 'surcharge'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/**
 * Stored status only: paid, partly paid and overdue are computed from payments
 * and the due date, never stored, so they cannot go stale.
 */
export const INVOICE_STATUSES = ['draft', 'issued'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const invoiceLineSchema = z.strictObject({
  label: requiredText(frenchOf('validation.line.labelRequired'), 300),
  quantity: z.number({ error: frenchOf('validation.line.quantityRequired') }).finite(frenchOf('validation.line.quantity')),
  unitPriceCents: centsSchema,
  netCents: centsSchema,
  /** 20, 0, or another rate with up to two decimals; 0 lines outside the scope of VAT. */
  vatRatePercent: z.number().min(0, frenchOf('validation.line.vatRate')).max(100, frenchOf('validation.line.vatRate')),
  /** The net amount with its clause and rule, as src-core/billing computed it. */
  explanation: z.strictObject({ value: centsSchema, clause: text({ max: TEXT_LIMITS.address }), rule: text({ max: TEXT_LIMITS.freeText, multiline: true }) }).optional(),
});

export const vatBreakdownSchema = z.strictObject({ ratePercent: z.number().min(0).max(100), baseCents: centsSchema, vatCents: centsSchema });

export const invoiceTotalsSchema = z.strictObject({
  netCents: centsSchema,
  vatCents: centsSchema,
  totalCents: centsSchema,
  /** One entry per rate: VAT = rounded(sum of the rate's line nets × rate) (EN 16931 BR-CO-17). */
  byRate: z.array(vatBreakdownSchema),
});

/** The buyer as printed when issued: an issued invoice keeps the address of its date. */
export const buyerSnapshotSchema = z.strictObject({
  legalName: text({ max: TEXT_LIMITS.name, required: frenchOf('validation.buyer.legalName') }),
  siren: text({ max: TEXT_LIMITS.code }).optional(),
  vatNumber: text({ max: TEXT_LIMITS.code }).optional(),
  country: text({ max: 2 }).length(2, frenchOf('validation.buyer.country')),
  addressLines: z.array(text({ max: TEXT_LIMITS.address })).max(4, frenchOf('validation.address.tooManyLines')),
  postalCode: text({ max: TEXT_LIMITS.code }),
  city: text({ max: TEXT_LIMITS.name }),
});

const invoiceFields = {
  kind: z.enum(INVOICE_KINDS, { error: frenchOf('validation.invoice.kind') }),
  status: z.enum(INVOICE_STATUSES, { error: frenchOf('validation.invoice.status') }),
  /** Assigned on issue from a series (CGI art. 242 nonies A); null for a draft. */
  number: text({ max: TEXT_LIMITS.code, required: frenchOf('validation.invoice.numberEmpty') }).nullable(),
  seriesId: text({ max: TEXT_LIMITS.code, required: frenchOf('validation.invoice.seriesEmpty') }).optional(),
  clientId: recordIdSchema,
  contractId: recordIdSchema,
  /** Billed month; a surcharge refers to its unpaid invoice instead. */
  period: yearMonthSchema.optional(),
  issueDate: isoDateSchema,
  dueDate: isoDateSchema,
  lines: z.array(invoiceLineSchema).min(1, frenchOf('validation.invoice.noLine')),
  totals: invoiceTotalsSchema,
  /** VAT regime mention ("Autoliquidation – article 196 …"), null for French VAT. */
  vatMention: text({ max: TEXT_LIMITS.address }).nullable(),
  creditedInvoiceId: recordIdSchema.optional(),
  surchargedInvoiceId: recordIdSchema.optional(),
  issuedAt: instantSchema.optional(),
  buyer: buyerSnapshotSchema.optional(),
  /** The user intent that created it: a second submit of the same intent is a no-op. */
  commandId: commandIdSchema,
  /** E-invoicing (issue 18): the approved platform's statuses, written by the central API only. */
  platform: platformStateSchema.optional(),
};

type InvoiceFields = z.infer<z.ZodObject<typeof invoiceFields>>;

function checkInvoice(inv: InvoiceFields, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if ((inv.status === 'draft') !== (inv.number === null)) {
    issue(['number'], inv.status === 'draft' ? frenchOf('validation.invoice.draftNumbered') : frenchOf('validation.invoice.issuedUnnumbered'));
  }
  if (inv.kind === 'invoice' && !inv.period) issue(['period'], frenchOf('validation.invoice.periodRequired'));
  if (inv.kind === 'credit_note' && !inv.creditedInvoiceId) issue(['creditedInvoiceId'], frenchOf('validation.invoice.creditTarget'));
  if (inv.kind === 'surcharge' && !inv.surchargedInvoiceId) issue(['surchargedInvoiceId'], frenchOf('validation.invoice.surchargeTarget'));
  if (compareDates(inv.dueDate, inv.issueDate) < 0) issue(['dueDate'], frenchOf('validation.invoice.dueBeforeIssue'));
  const sumLines = inv.lines.reduce((s, l) => s + l.netCents, 0);
  const { netCents, vatCents, totalCents, byRate } = inv.totals;
  if (sumLines !== netCents) issue(['totals', 'netCents'], frenchOf('validation.invoice.netTotal'));
  if (byRate.reduce((s, r) => s + r.vatCents, 0) !== vatCents) issue(['totals', 'vatCents'], frenchOf('validation.invoice.vatTotal'));
  if (netCents + vatCents !== totalCents) issue(['totals', 'totalCents'], frenchOf('validation.invoice.grandTotal'));
}

export const invoiceInputSchema = crossChecked(z.strictObject(invoiceFields), checkInvoice);
export type InvoiceInput = z.input<typeof invoiceInputSchema>;

export const invoiceSchema = crossChecked(z.strictObject({ ...recordMetaShape, ...invoiceFields }), checkInvoice);
export type Invoice = z.infer<typeof invoiceSchema>;
