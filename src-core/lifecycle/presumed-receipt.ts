import { addDays, type IsoDate } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message } from '../messages';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../settings';
import { assertWholeCount } from '../calendar';

type ReceiptSettings = Pick<RuleSettings, 'presumedReceiptDays'>;

/**
 * Until the acknowledgement of receipt is known, a letter is presumed received
 * on its sending date + N days (setting, 3 by default; DOMAIN.md states it for
 * the price change notice of §5.2 and the app applies it to every registered
 * letter). Deadlines counted from the receipt are recomputed when the real
 * date is entered.
 */
export function presumedReceiptDateExplained(
  sentOn: IsoDate,
  settings: ReceiptSettings = DEFAULT_RULE_SETTINGS,
  clause = '§5.2',
): Explained<IsoDate> {
  const days = assertWholeCount(settings.presumedReceiptDays, { word: 'code.countWhat.presumedReceipt' });
  return explainedMessage(addDays(sentOn, days), clause, message('rule.receipt.presumed', { days }));
}

export function presumedReceiptDate(sentOn: IsoDate, settings: ReceiptSettings = DEFAULT_RULE_SETTINGS): IsoDate {
  return presumedReceiptDateExplained(sentOn, settings).value;
}
