import { addDays, type IsoDate } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message } from '../messages';

/**
 * Force majeure lasting over 30 consecutive days opens a termination by either
 * party, effective eight days after the registered letter is sent (§7.4).
 * These are not deadlines to act, so they never move to a business day.
 */
const DURATION_DAYS = 30;
const LETTER_DELAY_DAYS = 8;

export function forceMajeureTerminationOpensOnExplained(eventStart: IsoDate): Explained<IsoDate> {
  return explainedMessage(
    addDays(eventStart, DURATION_DAYS),
    '§7.4',
    message('rule.forceMajeure.opens'),
  );
}

export function forceMajeureTerminationOpensOn(eventStart: IsoDate): IsoDate {
  return forceMajeureTerminationOpensOnExplained(eventStart).value;
}

export function forceMajeureTerminationEffectiveDateExplained(letterSent: IsoDate): Explained<IsoDate> {
  return explainedMessage(
    addDays(letterSent, LETTER_DELAY_DAYS),
    '§7.4',
    message('rule.forceMajeure.effective'),
  );
}

export function forceMajeureTerminationEffectiveDate(letterSent: IsoDate): IsoDate {
  return forceMajeureTerminationEffectiveDateExplained(letterSent).value;
}
