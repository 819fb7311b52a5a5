import { addDays, addMonthsClamped, toDayNumber, type IsoDate } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message } from '../messages';
import { assertNonNegativeCents, mulDivRound, type Cents } from '../money';

export interface ClientPayment {
  date: IsoDate;
  amountCents: Cents;
}

/**
 * Liability cap (§7.3): 50 % of what the client paid in the 12 months before
 * the event. Window decided: (event − 12 months, event], i.e. from the day after
 * the same date one year earlier (clamped to the month's end, art. 641 CPC) up to
 * and including the event date — a payment made on the event day counts. Half a
 * cent rounds away from zero.
 */
export function liabilityCapExplained(payments: readonly ClientPayment[], eventDate: IsoDate): Explained<Cents> {
  const to = toDayNumber(eventDate);
  const from = addDays(addMonthsClamped(eventDate, -12), 1);
  const fromDay = toDayNumber(from);
  let paid = 0;
  for (const { date, amountCents } of payments) {
    assertNonNegativeCents(amountCents, 'payment');
    const day = toDayNumber(date);
    if (day >= fromDay && day <= to) paid += amountCents;
  }
  return explainedMessage(mulDivRound(paid, 1, 2), '§7.3', message('rule.liabilityCap', { from: { date: from }, to: { date: eventDate } }));
}

export function liabilityCapCents(payments: readonly ClientPayment[], eventDate: IsoDate): Cents {
  return liabilityCapExplained(payments, eventDate).value;
}
