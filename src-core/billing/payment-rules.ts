import { compareDates, type IsoDate } from '../dates';
import { message, refusalError, type Message } from '../messages';

/**
 * Rules of a payment's dates and of its correction (§6.6; issue 16). A
 * payment is money received: never before the document it pays was issued,
 * never in the future. One entered by mistake is not deleted once others may
 * have seen it: it is cancelled, with a reason, and stops counting.
 */

/** Why a payment (or a refund: `what`) dated `date` cannot be recorded against a document issued on `issueDate`, or null. */
export function paymentDateProblem(date: IsoDate, issueDate: IsoDate, today: IsoDate, what: 'payment' | 'refund' = 'payment'): Message | null {
  const subject = { message: message(`refusal.payment.what.${what}`) };
  if (compareDates(date, today) > 0) return message('refusal.payment.future', { what: subject, date: { date }, today: { date: today } });
  if (compareDates(date, issueDate) < 0) return message('refusal.payment.beforeDocument', { what: subject, date: { date }, issued: { date: issueDate } });
  return null;
}

/** A cancelled payment stays on record (and in the audit) but no longer counts in the balance. */
export function isCountedPayment(payment: { cancelledOn?: IsoDate | undefined }): boolean {
  return payment.cancelledOn === undefined;
}

/** Shortest reason accepted: a word an accountant can act on, not a keystroke. */
const MIN_REASON = 3;

/**
 * The fields a payment takes when cancelled on `today` for `reason`. Refuses
 * an empty reason and a payment already cancelled (the caller treats a second
 * submit of the same intent as a no-op before asking).
 */
export function paymentCancellation(payment: { cancelledOn?: IsoDate | undefined }, reason: string, today: IsoDate): { cancelledOn: IsoDate; cancellationReason: string } {
  if (payment.cancelledOn !== undefined) throw refusalError('INVALID_INPUT', message('refusal.payment.alreadyCancelled', { date: { date: payment.cancelledOn } }));
  const text = reason.trim();
  if (text.length < MIN_REASON) throw refusalError('INVALID_INPUT', message('refusal.payment.reason'));
  return { cancelledOn: today, cancellationReason: text };
}
