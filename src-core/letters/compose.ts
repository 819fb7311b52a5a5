import { frenchError } from '../model/validate';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../settings';
import { composeBreachNotice, composeBreachTermination } from './breach';
import { composeFormalNotice, composeNonPaymentTermination, composePaymentReminder } from './dunning';
import { composeForceMajeureTermination } from './force-majeure';
import { letterParamsSchemas, type LetterParamsByKind } from './params';
import { letterParamsRefusal } from './stored-params';
import { composePriceChange } from './price-change';
import { composeReceiptCorrection } from './receipt-correction';
import { composeTerminationAcknowledgement } from './termination';
import { composeTierChange } from './tier-change';
import type { LetterContent, LetterKind } from './types';

const COMPOSERS: { [K in LetterKind]: (params: LetterParamsByKind[K], settings: RuleSettings) => LetterContent } = {
  terminationAcknowledgement: composeTerminationAcknowledgement,
  priceChange: composePriceChange,
  tierChange: composeTierChange,
  paymentReminder: composePaymentReminder,
  formalNotice: composeFormalNotice,
  nonPaymentTermination: composeNonPaymentTermination,
  breachNotice: composeBreachNotice,
  breachTermination: composeBreachTermination,
  forceMajeureTermination: composeForceMajeureTermination,
  receiptCorrection: composeReceiptCorrection,
};

/**
 * The text of a registered letter of the given kind, with its computed dates
 * (taken from the lifecycle rules, never recomputed here) written out in full.
 * Params come from forms, so they are validated first; a refusal is a
 * DomainError with its message code (French in its message).
 */
export function composeLetter<K extends LetterKind>(
  kind: K,
  params: LetterParamsByKind[K],
  settings: RuleSettings = DEFAULT_RULE_SETTINGS,
): LetterContent {
  const parsed = letterParamsSchemas[kind].safeParse(params, { error: frenchError });
  if (!parsed.success) throw letterParamsRefusal('refusal.letter.incomplete', parsed.error);
  return COMPOSERS[kind](parsed.data as LetterParamsByKind[K], settings);
}
