import { compareDates, formatDateFr, yearMonthOf, type IsoDate } from '../dates';
import { message, messageFr, refusalError } from '../messages';
import type { Explained } from '../explain';
import {
  applyLifecycleEvent, contractEnd, forceMajeureTerminationEffectiveDateExplained, lifecycleOfContract, presumedReceiptDateExplained, priceChangeDates,
  priceChangeObjectionTerminationDateExplained, type LifecycleEvent,
} from '../lifecycle';
import { tierForMonth, type Contract, type ContractHistoryEntry, type LetterTerminationCause, type TerminationNotice } from '../model/contract';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../settings';
import type { TrackedLetter } from './follow-up';
import { readLetterParams } from './stored-params';

/**
 * What a letter does to its contract once it is out (DOMAIN.md, The
 * contract's life acts on everything else):
 * - the acknowledgement of the client's notice records that notice (§1) when
 *   it is not yet on the contract;
 * - a termination for non-payment or after an uncured breach ends the contract
 *   on the letter's receipt (C. civ. 1225, 1229; presumed receipt until the
 *   acknowledgement is known, then the real date);
 * - a force majeure termination ends it on the sending date + 8 days (§7.4);
 * - a price change notice, its receipt known, gives the contract its new price
 *   from the effective date unless an objection is recorded in time (§5.2);
 * - an objection recorded in time ends it the day before the new prices (§5.2).
 * Each effect is checked by the lifecycle rules before it is written.
 */
type TerminationEntry = Omit<Extract<ContractHistoryEntry, { kind: 'termination' }>, 'at' | 'actor'>;
type PriceEntry = Omit<Extract<ContractHistoryEntry, { kind: 'price_change' }>, 'at' | 'actor'>;

export type LetterContractEffect =
  | { kind: 'client_notice'; notice: TerminationNotice }
  | { kind: 'termination'; entry: TerminationEntry }
  | { kind: 'price_change'; entry: PriceEntry };

type Settings = Pick<RuleSettings, 'presumedReceiptDays' | 'alsaceMoselle' | 'dunningReminderDays' | 'dunningFormalNoticeDays' | 'dunningTerminationDays'>;

/** The contract without the entries a letter wrote before (its presumed dates), so that the letter is judged again on its own. */
function withoutLetter(contract: Contract, letterId: string): Contract {
  const history = contract.history.filter((e) => !('letterId' in e) || e.letterId !== letterId || e.kind === 'tier_change');
  if (history.length === contract.history.length) return contract;
  // The stored end date was derived from the entries removed: the remaining events decide again.
  const { terminationEffectiveDate: _derived, ...rest } = contract;
  return { ...rest, history };
}

/** The receipt the letter's effect counts from: the acknowledgement's date, else the presumed one. */
function receiptOf(letter: TrackedLetter, settings: Settings, clause: string): Explained<IsoDate> & { presumed: boolean } {
  if (letter.receivedOn) return { value: letter.receivedOn, clause, rule: `Accusé de réception du ${formatDateFr(letter.receivedOn)}.`, presumed: false };
  return { ...presumedReceiptDateExplained(letter.sentOn!, settings, clause), presumed: true };
}

function termination(contract: Contract, letter: TrackedLetter, event: LifecycleEvent, cause: LetterTerminationCause, effective: Explained<IsoDate>, settings: Settings): LetterContractEffect | null {
  const base = withoutLetter(contract, letter.id);
  // Another termination already ends the contract on or before this date: the letter changes nothing.
  const other = contractEnd(base);
  if (other && compareDates(other.value, effective.value) <= 0) return null;
  applyLifecycleEvent({ ...lifecycleOfContract(base), status: base.status === 'terminated' ? 'notice_received' : base.status }, event, settings);
  return { kind: 'termination', entry: { kind: 'termination', cause, noticeDate: event.date, effectiveDate: effective.value, rule: effective.rule, letterId: letter.id } };
}

/** The date the new prices of a received notice apply from: the announced one if still lawful, else the earliest lawful one (§5.2). */
export function priceChangeEffectiveFrom(announced: IsoDate | undefined, receivedOn: IsoDate, settings: Pick<RuleSettings, 'alsaceMoselle'> = DEFAULT_RULE_SETTINGS): IsoDate {
  const { earliestEffective } = priceChangeDates(receivedOn, settings);
  return announced && compareDates(announced, earliestEffective) >= 0 ? announced : earliestEffective;
}

/** The effect of `letter` (sent or received) on `contract`, or null when it has none (yet). Throws the lifecycle's refusal in French. */
export function letterContractEffect(letter: TrackedLetter, contract: Contract, settings: Settings = DEFAULT_RULE_SETTINGS): LetterContractEffect | null {
  if (!letter.sentOn || !['sent', 'received'].includes(letter.status)) return null;
  switch (letter.kind) {
    case 'terminationAcknowledgement': {
      if (contract.terminationNotice) return null;
      const p = readLetterParams('terminationAcknowledgement', letter.params);
      return { kind: 'client_notice', notice: { receivedOn: p.noticeReceivedOn, channel: p.channel === 'email' ? 'email' : 'registered_letter' } };
    }
    case 'nonPaymentTermination': {
      const p = readLetterParams('nonPaymentTermination', letter.params);
      const receipt = receiptOf(letter, settings, '§6.6');
      // Stored as the rule of the termination: read back in the interface's language by messageOfFrench, the receipt presumed or acknowledged.
      const rule = messageFr(message(receipt.presumed ? 'rule.termination.nonPaymentPresumed' : 'rule.termination.nonPaymentReceived', { on: { date: receipt.value }, days: settings.presumedReceiptDays }));
      const effective = { value: receipt.value, clause: '§6.6', rule };
      return termination(contract, letter, { type: 'terminate_for_non_payment', date: receipt.value, invoiceDueDate: p.dueDate }, 'non_payment', effective, settings);
    }
    case 'breachTermination': {
      const p = readLetterParams('breachTermination', letter.params);
      const receipt = receiptOf(letter, settings, '§6.6');
      const rule = messageFr(message(receipt.presumed ? 'rule.termination.breachPresumed' : 'rule.termination.breachReceived', { on: { date: receipt.value }, days: settings.presumedReceiptDays }));
      const effective = { value: receipt.value, clause: '§6.6', rule };
      return termination(contract, letter, { type: 'terminate_after_breach', date: receipt.value, breachNoticeReceived: p.breachNoticeReceivedOn }, 'uncured_breach', effective, settings);
    }
    case 'forceMajeureTermination': {
      const p = readLetterParams('forceMajeureTermination', letter.params);
      const effective = forceMajeureTerminationEffectiveDateExplained(letter.sentOn);
      return termination(contract, letter, { type: 'force_majeure_termination_sent', date: letter.sentOn, eventStart: p.startedOn }, 'force_majeure', { ...effective, rule: messageFr(message('rule.forceMajeure.effectiveSent', { rule: { message: effective.message! }, sent: { date: letter.sentOn } })) }, settings);
    }
    case 'priceChange': {
      // DOMAIN.md: the new price applies once the receipt is known.
      if (!letter.receivedOn) return null;
      const p = readLetterParams('priceChange', letter.params);
      const from = priceChangeEffectiveFrom(p.effectiveFrom, letter.receivedOn, settings);
      const tier = tierForMonth(contract, yearMonthOf(from));
      const row = p.prices.find((r) => r.label.endsWith(` ${tier}`)) ?? p.prices[0]!;
      const { objectionDeadline } = priceChangeDates(letter.receivedOn, settings);
      return { kind: 'price_change', entry: { kind: 'price_change', from, tier, priceCents: row.newCents, receivedOn: letter.receivedOn, objectionDeadline, letterId: letter.id } };
    }
    default:
      return null;
  }
}

/**
 * The client's objection to a price change notice (§5.2), received on
 * `objectionOn`: refused after the deadline (R + 30 days, moved to a business
 * day) and before the notice's receipt; ends the contract the day before the
 * new prices apply.
 */
export function priceChangeObjectionEffect(letter: TrackedLetter, contract: Contract, objectionOn: IsoDate, settings: Settings = DEFAULT_RULE_SETTINGS): LetterContractEffect {
  if (letter.kind !== 'priceChange' || !letter.sentOn || !['sent', 'received'].includes(letter.status)) {
    throw refusalError('INVALID_TRANSITION', message('refusal.letter.objectionNotice'));
  }
  const p = readLetterParams('priceChange', letter.params);
  const received = letter.receivedOn ?? presumedReceiptDateExplained(letter.sentOn, settings).value;
  const from = priceChangeEffectiveFrom(p.effectiveFrom, received, settings);
  const effective = priceChangeObjectionTerminationDateExplained(from);
  // Stored in French on the contract's history; messageOfFrench reads it back as this message.
  const rule = messageFr(message('rule.priceChange.objectionStored', { rule: { message: effective.message! }, on: { date: objectionOn }, from: { date: from } }));
  const result = termination(contract, { ...letter, id: `${letter.id}:objection` }, { type: 'price_change_objection_received', date: objectionOn, priceChangeReceived: received, newPricesFrom: from }, 'price_change_objection', { ...effective, rule }, settings);
  if (!result) throw refusalError('INVALID_TRANSITION', message('refusal.letter.objectionUseless'));
  // The termination belongs to the notice it answers.
  return result.kind === 'termination' ? { kind: 'termination', entry: { ...result.entry, letterId: letter.id } } : result;
}
