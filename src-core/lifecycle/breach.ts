import { addDays, type IsoDate } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message } from '../messages';
import { actionDeadline, type HolidayOptions } from '../calendar';

/** A breach not cured within 30 calendar days of its written notification allows termination (§6.6). */
const CURE_DAYS = 30;

export function breachCureDeadlineExplained(received: IsoDate, opts: HolidayOptions = {}): Explained<IsoDate> {
  return explainedMessage(
    actionDeadline(received, CURE_DAYS, opts),
    '§6.6',
    message('rule.breach.cure', { basis: { message: message('rule.actionDeadline.basis') } }),
  );
}

export function breachCureDeadline(received: IsoDate, opts: HolidayOptions = {}): IsoDate {
  return breachCureDeadlineExplained(received, opts).value;
}

/** The day after the cure deadline: from then on the contract may be terminated with immediate effect. */
export function breachTerminationOpensOnExplained(received: IsoDate, opts: HolidayOptions = {}): Explained<IsoDate> {
  return explainedMessage(
    addDays(breachCureDeadline(received, opts), 1),
    '§6.6',
    message('rule.breach.opens'),
  );
}

export function breachTerminationOpensOn(received: IsoDate, opts: HolidayOptions = {}): IsoDate {
  return breachTerminationOpensOnExplained(received, opts).value;
}
