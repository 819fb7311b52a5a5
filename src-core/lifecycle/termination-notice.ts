import { addMonthsToFirstDay, lastDayOfMonth, type IsoDate } from '../dates';
import { explained, type Explained } from '../explain';

/**
 * The client's termination notice received on R (registered letter or email to
 * the support address) takes effect on the last day of the month after R's
 * month (§1): 31 Jan 2027 → 28 Feb 2027, 15 Dec 2026 → 31 Jan 2027.
 */
export function terminationEffectiveDateExplained(noticeReceived: IsoDate): Explained<IsoDate> {
  return explained(
    lastDayOfMonth(addMonthsToFirstDay(noticeReceived, 1)),
    '§1',
    'Fin du mois suivant la réception du préavis.',
  );
}

export function terminationEffectiveDate(noticeReceived: IsoDate): IsoDate {
  return terminationEffectiveDateExplained(noticeReceived).value;
}
