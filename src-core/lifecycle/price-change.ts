import { addDays, addMonthsToFirstDay, parseIsoDate, toDayNumber, type IsoDate } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message, refusalError } from '../messages';
import { actionDeadline, type HolidayOptions } from '../calendar';

/** Price change notified with 60 days' notice; the client may object within 30 days of receipt (§5.2). */
const NOTICE_DAYS = 60;
const OBJECTION_DAYS = 30;

export interface PriceChangeDates<T = IsoDate> {
  /** New prices apply at the earliest on this first day of a month. */
  earliestEffective: T;
  /** Last day for the client to object (moved to a business day). */
  objectionDeadline: T;
}

/** First day of a month on or after R + 60 days, and R + 30 days moved to a business day (§5.2). */
export function priceChangeDatesExplained(received: IsoDate, opts: HolidayOptions = {}): PriceChangeDates<Explained<IsoDate>> {
  const notice = addDays(received, NOTICE_DAYS);
  const earliest = parseIsoDate(notice).day === 1 ? notice : addMonthsToFirstDay(notice, 1);
  return {
    earliestEffective: explainedMessage(
      earliest,
      '§5.2',
      message('rule.priceChange.earliest'),
    ),
    objectionDeadline: explainedMessage(
      actionDeadline(received, OBJECTION_DAYS, opts),
      '§5.2',
      message('rule.priceChange.objectionBy', { basis: { message: message('rule.actionDeadline.basis') } }),
    ),
  };
}

export function priceChangeDates(received: IsoDate, opts: HolidayOptions = {}): PriceChangeDates {
  const { earliestEffective, objectionDeadline } = priceChangeDatesExplained(received, opts);
  return { earliestEffective: earliestEffective.value, objectionDeadline: objectionDeadline.value };
}

/**
 * Refuses a date for the new prices that the notice could not lawfully state:
 * it must be the first day of a month, on or after the earliest effective date.
 */
export function assertNewPricesFrom(received: IsoDate, newPricesFrom: IsoDate): IsoDate {
  const { earliestEffective } = priceChangeDates(received);
  if (parseIsoDate(newPricesFrom).day !== 1 || toDayNumber(newPricesFrom) < toDayNumber(earliestEffective)) {
    throw refusalError('INVALID_INPUT', message('refusal.priceChange.newPricesFrom', { date: { date: newPricesFrom }, earliest: { date: earliestEffective } }));
  }
  return newPricesFrom;
}

/** An objection terminates the contract without penalty the day before the new prices apply (§5.2). */
export function priceChangeObjectionTerminationDateExplained(newPricesFrom: IsoDate): Explained<IsoDate> {
  return explainedMessage(
    addDays(newPricesFrom, -1),
    '§5.2',
    message('rule.priceChange.objectionEffective'),
  );
}

export function priceChangeObjectionTerminationDate(newPricesFrom: IsoDate): IsoDate {
  return priceChangeObjectionTerminationDateExplained(newPricesFrom).value;
}
