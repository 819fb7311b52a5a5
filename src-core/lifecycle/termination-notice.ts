import { addMonthsToFirstDay, lastDayOfMonth, type IsoDate } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message } from '../messages';

/**
 * The client's termination notice received on R (registered letter or email to
 * the support address) takes effect on the last day of the month after R's
 * month (§1): 31 Jan 2027 → 28 Feb 2027, 15 Dec 2026 → 31 Jan 2027.
 */
export function terminationEffectiveDateExplained(noticeReceived: IsoDate): Explained<IsoDate> {
  return explainedMessage(
    lastDayOfMonth(addMonthsToFirstDay(noticeReceived, 1)),
    '§1',
    message('rule.termination.noticeEnd'),
  );
}

export function terminationEffectiveDate(noticeReceived: IsoDate): IsoDate {
  return terminationEffectiveDateExplained(noticeReceived).value;
}
