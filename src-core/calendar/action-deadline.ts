import { addDays, type IsoDate } from '../dates';
import { assertWholeCount, nextBusinessDayOnOrAfter, type HolidayOptions } from './holidays';

/**
 * Deadline by which the other party may still act (cure a breach, object to a
 * price change): D + N calendar days, D not counted (art. 641 CPC); when it
 * falls on a Saturday, Sunday or public holiday it moves to the next business
 * day (art. 642 CPC, applied to the contract by decision, DOMAIN.md).
 * Effective dates never go through this function: they do not move.
 */
export function actionDeadline(date: IsoDate, days: number, opts: HolidayOptions = {}): IsoDate {
  return nextBusinessDayOnOrAfter(addDays(date, assertWholeCount(days)), opts);
}
