import { isCountedPayment, paymentCancellation, paymentDateProblem } from '../billing/payment-rules';
import { entryAmounts, type SettlementEntry } from '../billing/credit-use';
import { paymentProblem, settlement, type Settlement } from '../billing/settlement';
import { compareDates, type IsoDate } from '../dates';
import { message, messageFr } from '../messages';
import type { Cents } from '../money';
import type { InvoiceKind, InvoiceStatus } from '../model/invoice';
import { firstRefusal, refusal, verdictOf, type Verdict } from './verdict';

/**
 * Payments (§6.6; DOMAIN.md, Payments and non-payment), checked the same way
 * by the laptop's `recordPayment`/`cancelPayment` and by the central API on
 * every pushed payment: on an issued invoice or surcharge of the same client,
 * dated between its issue and today (Paris), never above its balance; once
 * recorded, only cancelled — with a reason, and once.
 */

/** What the rules read of the document a payment settles. */
export interface PayableDocument {
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  clientId: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  totals: { totalCents: Cents };
}

/** A payment, refund or offset as far as a balance is concerned. */
export type PaymentAmount = SettlementEntry;

/** A credit note as far as the balance of the invoice it corrects is concerned. */
export interface CreditingNote {
  kind: InvoiceKind;
  status: InvoiceStatus;
  creditedInvoiceId?: string | undefined;
  totals: { totalCents: Cents };
}

/**
 * The settlement of `doc` on `today` from the entries recorded against it
 * (payments, refunds, offsets out and imputed in; cancelled ones do not count) and the issued credit notes correcting it;
 * null for a document that is not payable (a draft, a credit note).
 */
export function documentSettlement(doc: Omit<PayableDocument, 'clientId' | 'issueDate'>, payments: readonly PaymentAmount[], creditNotes: readonly CreditingNote[], today: IsoDate): Settlement | null {
  if (doc.status !== 'issued' || doc.kind === 'credit_note') return null;
  return settlement(
    {
      totalCents: doc.totals.totalCents,
      dueDate: doc.dueDate,
      ...entryAmounts(doc.id, payments),
      creditNotesTotalCents: creditNotes.filter((n) => n.kind === 'credit_note' && n.status === 'issued' && n.creditedInvoiceId === doc.id).map((n) => n.totals.totalCents),
    },
    today,
  );
}

export interface NewPayment extends PaymentAmount {
  invoiceId: string;
  clientId: string;
  date: IsoDate;
}

/** What the rule reads besides the payment: its document, the document's other payments and credit notes, and today in Paris. */
export interface PaymentFacts {
  invoice: PayableDocument | undefined;
  payments: readonly PaymentAmount[];
  creditNotes: readonly CreditingNote[];
  today: IsoDate;
}

/** Why `payment` cannot be recorded, or null. Its own earlier copy in `facts.payments` (same id) is not counted twice. */
export function newPaymentRefusal(payment: NewPayment, facts: PaymentFacts): Verdict {
  // A refund or an offset is money going back out of an overpayment: src-core/billing creditUseProblem's.
  if (payment.kind === 'refund' || payment.kind === 'offset') return null;
  const { invoice } = facts;
  if (!invoice || invoice.clientId !== payment.clientId) return refusal('INVALID_INPUT', message('refusal.payment.noInvoice', { id: payment.invoiceId }));
  const others = facts.payments.filter((p) => p.id === undefined || p.id !== payment.id);
  const current = documentSettlement(invoice, others, facts.creditNotes, facts.today);
  if (!current) {
    return refusal('INVALID_INPUT', message(invoice.status === 'issued' ? 'refusal.payment.creditNote' : 'refusal.payment.draft'));
  }
  const dateProblem = paymentDateProblem(payment.date, invoice.issueDate, facts.today);
  if (dateProblem) return refusal('INVALID_DATE', dateProblem);
  // A payment recorded and cancelled before it was sent no longer counts: only its dates matter.
  if (!isCountedPayment(payment)) return null;
  const amountProblem = paymentProblem(current, payment.amountCents);
  return amountProblem ? refusal('INVALID_AMOUNT', amountProblem) : null;
}

/** The fields of a recorded payment a change may touch: its cancellation (the rest is recorded money). */
const CANCELLATION_FIELDS = ['cancelledOn', 'cancellationReason'];

export const RECORDED_PAYMENT_MESSAGE = messageFr(message('refusal.payment.recorded'));

/** What an offset waiting for the client's next invoice may change: imputed on it, or split (the rest waits) — its amount re-checked by creditUseProblem. */
const IMPUTATION_FIELDS = ['offsetInvoiceId', 'amountCents'];

export interface RecordedPayment {
  kind?: 'payment' | 'refund' | 'offset' | undefined;
  offsetInvoiceId?: string | undefined;
  cancelledOn?: IsoDate | undefined;
  cancellationReason?: string | undefined;
}

/**
 * Why a recorded payment may not become `after`, given the fields whose value
 * changes: only a cancellation of a payment not yet cancelled, with a reason,
 * dated at the latest today — what `paymentCancellation` makes.
 */
export function paymentChangeRefusal(before: RecordedPayment, after: RecordedPayment, changedFields: readonly string[], today: IsoDate): Verdict {
  if (changedFields.length === 0) return null;
  if (before.kind === 'offset' && before.offsetInvoiceId === undefined && changedFields.every((field) => IMPUTATION_FIELDS.includes(field))) return null;
  if (changedFields.some((field) => !CANCELLATION_FIELDS.includes(field))) return refusal('INVALID_INPUT', message('refusal.payment.recorded'));
  return firstRefusal(
    () => (before.cancelledOn !== undefined ? refusal('INVALID_INPUT', message('refusal.payment.alreadyCancelled', { date: { date: before.cancelledOn } })) : null),
    () => (after.cancelledOn === undefined ? refusal('INVALID_INPUT', message('refusal.payment.recorded')) : null),
    () =>
      after.cancelledOn !== undefined && compareDates(after.cancelledOn, today) > 0
        ? refusal('INVALID_DATE', message('refusal.payment.cancelFuture', { date: { date: after.cancelledOn } }))
        : null,
    () => verdictOf(() => paymentCancellation(before, after.cancellationReason ?? '', today)),
  );
}

/**
 * A payment that reached the central API (version above 0) is never deleted:
 * others may have seen it; it is cancelled with a reason. Only one entered by
 * mistake and never synced leaves the laptop's records (the audit keeps it).
 */
export function paymentDeletionRefusal(payment: { version: number }): Verdict {
  return payment.version > 0 ? refusal('INVALID_INPUT', message('refusal.payment.synced')) : null;
}
