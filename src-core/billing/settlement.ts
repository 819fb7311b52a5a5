import { compareDates, daysBetween, type IsoDate } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message, refusalError, type Message, type MessageCode, type MessageParam } from '../messages';
import { assertCents, type AmountWhat, type Cents } from '../money';

/**
 * Where an issued invoice (or late-surcharge document) stands with its client
 * (§6.6; DOMAIN.md, Payments): what was paid, what credit notes took off, the
 * balance, and a status computed — never stored — from those and the due date,
 * so it cannot go stale when a payment is recorded or a day passes.
 */
export type SettlementStatus = 'issued' | 'partly_paid' | 'paid' | 'overdue' | 'credited';

export const SETTLEMENT_STATUS_LABELS: Record<SettlementStatus, string> = {
  issued: 'Émise',
  partly_paid: 'Partiellement payée',
  paid: 'Payée',
  overdue: 'En retard',
  credited: 'Annulée par avoir',
};

export interface SettlementInput {
  totalCents: Cents;
  dueDate: IsoDate;
  /** Amounts of the payments recorded against the document (positive). */
  paymentsCents: readonly Cents[];
  /** TTC totals of the credit notes referencing it (negative, as they are stored). */
  creditNotesTotalCents?: readonly Cents[];
  /** Money paid back to the client out of what it paid beyond its balance (positive). */
  refundsCents?: readonly Cents[];
  /** That overpayment imputed on another invoice of the client, or waiting for the next one (positive). */
  offsetsOutCents?: readonly Cents[];
  /** Credit of another invoice imputed on this one (positive): it settles it like a payment, its totals stay. */
  offsetsInCents?: readonly Cents[];
}

export interface Settlement {
  paidCents: Cents;
  /** What the credit notes took off, positive. */
  creditedCents: Cents;
  /** Paid back to the client. */
  refundedCents: Cents;
  /** Its overpayment carried to another invoice. */
  offsetOutCents: Cents;
  /** Settled by a credit imputed from another invoice. */
  offsetInCents: Cents;
  /** Still owed; negative when the client paid more than owed (to refund or carry over). */
  balanceCents: Cents;
  status: Explained<SettlementStatus>;
  /** Days past the due date with a balance; 0 otherwise. */
  daysLate: number;
}

function sum(amounts: readonly Cents[] | undefined, what: AmountWhat): Cents {
  return (amounts ?? []).reduce((total, amount) => total + assertCents(amount, what), 0);
}

export function settlement(input: SettlementInput, today: IsoDate): Settlement {
  const entries = [...input.paymentsCents, ...(input.refundsCents ?? []), ...(input.offsetsOutCents ?? []), ...(input.offsetsInCents ?? [])];
  if (entries.some((p) => p <= 0)) {
    throw refusalError('INVALID_AMOUNT', message('refusal.settlement.positive'));
  }
  const paidCents = sum(input.paymentsCents, 'paid');
  const refundedCents = sum(input.refundsCents, 'refunded');
  const offsetOutCents = sum(input.offsetsOutCents, 'offset');
  const offsetInCents = sum(input.offsetsInCents, 'offsetIn');
  const creditedCents = 0 - sum(input.creditNotesTotalCents, 'credited');
  const owed = assertCents(input.totalCents, 'total') - creditedCents;
  const balanceCents = owed - paidCents - offsetInCents + refundedCents + offsetOutCents;
  const late = balanceCents > 0 ? Math.max(0, daysBetween(input.dueDate, today)) : 0;
  const due = { date: input.dueDate };
  const status = (value: SettlementStatus, code: MessageCode, params: Record<string, MessageParam>) => ({
    paidCents, creditedCents, refundedCents, offsetOutCents, offsetInCents, balanceCents, status: explainedMessage(value, '§6.6', message(code, params)), daysLate: late,
  });
  const returnedParts = [
    ...(refundedCents ? [message('rule.settle.refunded', { amount: { cents: refundedCents } })] : []),
    ...(offsetOutCents ? [message('rule.settle.offsetOut', { amount: { cents: offsetOutCents } })] : []),
  ];
  const returned = { list: returnedParts };
  const paid = { cents: paidCents + offsetInCents };
  const byOffset = offsetInCents ? { message: message('rule.settle.byOffset', { amount: { cents: offsetInCents } }) } : '';
  const then = (code: MessageCode) => (returnedParts.length ? { message: message(code, { returned }) } : '');

  if (owed <= 0 && paidCents === 0 && offsetInCents === 0) return status('credited', 'rule.settle.credited', { credited: { cents: creditedCents }, returned: '' });
  if (owed <= 0 && balanceCents === 0) return status('credited', 'rule.settle.credited', { credited: { cents: creditedCents }, returned: then('rule.settle.thenSemicolon') });
  if (balanceCents < 0) {
    return status('paid', 'rule.settle.overpaid', { over: { cents: -balanceCents }, paid, owed: { cents: owed }, returned: then('rule.settle.thenComma') });
  }
  if (balanceCents === 0) return status('paid', 'rule.settle.paid', { paid, byOffset, owed: { cents: owed }, returned: then('rule.settle.thenSemicolon') });
  if (compareDates(today, input.dueDate) > 0) {
    return status('overdue', 'rule.settle.overdue', { due, days: late, balance: { cents: balanceCents } });
  }
  if (paidCents + offsetInCents > 0) return status('partly_paid', 'rule.settle.partlyPaid', { paid, byOffset, balance: { cents: balanceCents }, due });
  return status('issued', 'rule.settle.issued', { balance: { cents: balanceCents }, due });
}

/**
 * Why a payment cannot be recorded against a document in this state, or null.
 * More than the balance is refused: an overpayment is almost always a typing
 * error, and a real one is a refund to handle outside the invoice.
 */
export function paymentProblem(current: Pick<Settlement, 'balanceCents'>, amountCents: Cents): Message | null {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return message('refusal.payment.notPositive');
  if (current.balanceCents <= 0) return message('refusal.payment.settled');
  if (amountCents > current.balanceCents) return message('refusal.payment.overBalance', { amount: { cents: amountCents }, balance: { cents: current.balanceCents } });
  return null;
}
