import { addMonthsClamped, type IsoDate } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message } from '../messages';

/**
 * Non-solicitation runs 12 months from the termination's effective date (§6.2;
 * penalty 30 000 €). A period in months ends on the same day number, or on the
 * last day of the month when that day does not exist (art. 641 CPC): 29 Feb 2028
 * → 28 Feb 2029, 31 May 2027 → 31 May 2028, 28 Feb 2027 → 28 Feb 2028.
 */
const NON_SOLICITATION_MONTHS = 12;

export function nonSolicitationEndExplained(terminationEffective: IsoDate): Explained<IsoDate> {
  return explainedMessage(
    addMonthsClamped(terminationEffective, NON_SOLICITATION_MONTHS),
    '§6.2',
    message('rule.nonSolicitation.end'),
  );
}

export function nonSolicitationEnd(terminationEffective: IsoDate): IsoDate {
  return nonSolicitationEndExplained(terminationEffective).value;
}
