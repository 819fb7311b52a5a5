import { formatDateFr, toDayNumber, type IsoDate } from '../dates';
import { explained, explainedMessage, type Explained } from '../explain';
import { message, messageFr, type Message, type MessageCode } from '../messages';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../settings';
import { breachCureDeadlineExplained, breachTerminationOpensOnExplained } from './breach';
import type { ContractLifecycle } from './contract-status';
import { dunningSchedule, type DunningStep } from './dunning';
import { forceMajeureTerminationOpensOnExplained } from './force-majeure';
import { nonSolicitationEndExplained } from './non-solicitation';
import { presumedReceiptDateExplained } from './presumed-receipt';
import { assertNewPricesFrom, priceChangeDatesExplained, priceChangeObjectionTerminationDateExplained } from './price-change';

/**
 * Every dated deadline of a contract, explained, for screens and letters:
 * "Résiliation effective le 30/04/2027 — fin du mois suivant la réception du
 * préavis (§1)". Deadlines that open a termination are left out once the
 * contract is terminated; dunning dates stay, the debt is still owed.
 */
export type ContractDeadlineKind =
  | 'termination_effective'
  | 'non_solicitation_end'
  | 'presumed_receipt'
  | 'price_change_objection_deadline'
  | 'price_change_effective'
  | 'price_change_objection_termination'
  | 'breach_cure_deadline'
  | 'breach_termination_opens'
  | 'force_majeure_termination_opens'
  | 'dunning_reminder'
  | 'dunning_formal_notice'
  | 'dunning_termination_possible';

export interface ContractDeadline extends Explained<IsoDate> {
  kind: ContractDeadlineKind;
  /** Reads before " le 30/04/2027", e.g. "Résiliation effective". */
  label: string;
  /** The same label as a code, for the interface's language (issue 19); `label` is its French. Absent from summaries stored before it. */
  labelMessage?: Message;
}

/** A registered letter; while its receipt is unknown, it is presumed (settings). */
export interface SentLetter {
  sentOn: IsoDate;
  receivedOn?: IsoDate;
}

export interface ContractDeadlineFacts {
  lifecycle: ContractLifecycle;
  priceChangeNotices?: readonly (SentLetter & { newPricesFrom?: IsoDate })[];
  breachNotices?: readonly SentLetter[];
  forceMajeureStarts?: readonly IsoDate[];
  unpaidInvoices?: readonly { reference: string; dueDate: IsoDate }[];
}

const item = (kind: ContractDeadlineKind, label: Message, date: Explained<IsoDate>): ContractDeadline => ({ kind, label: messageFr(label), labelMessage: label, ...date });

const DUNNING_KINDS: Record<DunningStep, ContractDeadlineKind> = {
  reminder: 'dunning_reminder',
  formal_notice: 'dunning_formal_notice',
  termination_possible: 'dunning_termination_possible',
};

const DUNNING_LABELS: Record<DunningStep, MessageCode> = {
  reminder: 'deadline.contract.reminder',
  formal_notice: 'deadline.contract.formalNotice',
  termination_possible: 'deadline.contract.nonPaymentOpens',
};

/** The receipt date of a letter, and a "presumed receipt" item when it is not known yet. */
function receiptOf(letter: SentLetter, what: MessageCode, clause: string, settings: RuleSettings): { received: IsoDate; items: ContractDeadline[] } {
  if (letter.receivedOn) return { received: letter.receivedOn, items: [] };
  const presumed = presumedReceiptDateExplained(letter.sentOn, settings, clause);
  return { received: presumed.value, items: [item('presumed_receipt', message(what), presumed)] };
}

function priceChangeDeadlines(letter: SentLetter & { newPricesFrom?: IsoDate }, settings: RuleSettings): ContractDeadline[] {
  const { received, items } = receiptOf(letter, 'deadline.contract.presumedPriceNotice', '§5.2', settings);
  const { earliestEffective, objectionDeadline } = priceChangeDatesExplained(received, settings);
  const effective = letter.newPricesFrom
    ? explainedMessage(assertNewPricesFrom(received, letter.newPricesFrom), '§5.2', message('rule.priceChange.chosen', { earliest: { date: earliestEffective.value } }))
    : earliestEffective;
  return [
    ...items,
    item('price_change_objection_deadline', message('deadline.contract.objectionBy'), objectionDeadline),
    item('price_change_effective', message(letter.newPricesFrom ? 'deadline.contract.newPrices' : 'deadline.contract.newPricesEarliest'), effective),
    item('price_change_objection_termination', message('deadline.objectionTermination'), priceChangeObjectionTerminationDateExplained(effective.value)),
  ];
}

function breachDeadlines(letter: SentLetter, settings: RuleSettings): ContractDeadline[] {
  const { received, items } = receiptOf(letter, 'deadline.contract.presumedBreachNotice', '§6.6', settings);
  return [
    ...items,
    item('breach_cure_deadline', message('deadline.contract.cureBy'), breachCureDeadlineExplained(received, settings)),
    item('breach_termination_opens', message('deadline.contract.breachOpens'), breachTerminationOpensOnExplained(received, settings)),
  ];
}

export function contractDeadlines(facts: ContractDeadlineFacts, settings: RuleSettings = DEFAULT_RULE_SETTINGS): ContractDeadline[] {
  const { lifecycle } = facts;
  if (lifecycle.status === 'draft') return [];
  const terminated = lifecycle.status === 'terminated';
  const items: ContractDeadline[] = [];

  const termination = lifecycle.termination;
  if (termination) {
    const effective = termination.message ? explainedMessage(termination.effectiveDate, termination.clause, termination.message) : explained(termination.effectiveDate, termination.clause, termination.rule);
    items.push(
      item('termination_effective', message('deadline.effective'), effective),
      item('non_solicitation_end', message('deadline.contract.nonSolicitationEnd'), nonSolicitationEndExplained(termination.effectiveDate)),
    );
  }
  if (!terminated) {
    for (const letter of facts.priceChangeNotices ?? []) items.push(...priceChangeDeadlines(letter, settings));
    for (const letter of facts.breachNotices ?? []) items.push(...breachDeadlines(letter, settings));
    for (const start of facts.forceMajeureStarts ?? []) {
      items.push(item('force_majeure_termination_opens', message('deadline.contract.forceMajeureOpens'), forceMajeureTerminationOpensOnExplained(start)));
    }
  }
  for (const { reference, dueDate } of facts.unpaidInvoices ?? []) {
    for (const date of dunningSchedule(dueDate, settings)) {
      if (terminated && date.step === 'termination_possible') continue;
      const { step: _step, ...dated } = date;
      items.push(item(DUNNING_KINDS[date.step], message(DUNNING_LABELS[date.step], { reference }), dated));
    }
  }
  // Array.prototype.sort is stable: same-day items keep the order above.
  return items.sort((a, b) => toDayNumber(a.value) - toDayNumber(b.value));
}

/** "Résiliation effective le 30/04/2027 — fin du mois suivant la réception du préavis (§1)". */
export function formatDeadline(deadline: ContractDeadline): string {
  const rule = deadline.rule.replace(/\.$/, '');
  return `${deadline.label} le ${formatDateFr(deadline.value)} — ${rule.charAt(0).toLowerCase()}${rule.slice(1)} (${deadline.clause})`;
}
