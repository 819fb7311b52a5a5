import { parseIsoDate, toDayNumber, type IsoDate } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message, messageFr, refusalError, type Message } from '../messages';
import type { ContractStatus, NoticeChannel } from '../model/contract';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../settings';
import { breachTerminationOpensOn } from './breach';
import { nonPaymentTerminationOpensOn } from './dunning';
import { forceMajeureTerminationEffectiveDateExplained, forceMajeureTerminationOpensOn } from './force-majeure';
import { assertNewPricesFrom, priceChangeDates, priceChangeObjectionTerminationDateExplained } from './price-change';
import { terminationEffectiveDateExplained } from './termination-notice';

/**
 * Life of a contract as a pure state machine; statuses and notice channels are
 * those stored on the contract (src-core/model). `applyLifecycleEvent` returns
 * the next state or refuses the event with DomainError('INVALID_TRANSITION')
 * and a French message. A termination is recorded with its cause and effective
 * date; until that date it is pending (status `notice_received`, or `suspended`
 * when the service was suspended meanwhile) and `effective_date_reached`
 * closes it.
 */
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: 'Brouillon',
  active: 'Actif',
  // Also used for a force majeure termination sent by DOKOS, hence not "préavis reçu".
  notice_received: 'Préavis en cours',
  terminated: 'Résilié',
  suspended: 'Suspendu',
};

export const NOTICE_CHANNEL_LABELS: Record<NoticeChannel, string> = {
  registered_letter: messageFr(message('code.noticeChannel.registered_letter')),
  email: messageFr(message('code.noticeChannel.email')),
};

export type TerminationCause = 'client_notice' | 'price_change_objection' | 'non_payment' | 'uncured_breach' | 'force_majeure';

export const TERMINATION_CAUSE_LABELS: Record<TerminationCause, string> = {
  client_notice: 'Préavis du client',
  price_change_objection: 'Opposition à la modification des prix',
  non_payment: 'Défaut de paiement',
  uncured_breach: 'Manquement non résolu',
  force_majeure: 'Force majeure',
};

export interface Termination {
  cause: TerminationCause;
  /** Date of the notice received, of the objection, or of the termination letter. */
  noticeDate: IsoDate;
  effectiveDate: IsoDate;
  /** Rule and clause that gave the effective date, for screens and letters. */
  clause: string;
  rule: string;
  /** The rule as a code and its values, for the interface's language (issue 19). */
  message?: Message;
  channel?: NoticeChannel;
}

export interface ContractLifecycle {
  status: ContractStatus;
  startDate?: IsoDate;
  suspendedOn?: IsoDate;
  termination?: Termination;
}

export const INITIAL_CONTRACT_LIFECYCLE: ContractLifecycle = { status: 'draft' };

export type LifecycleEvent =
  | { type: 'activate'; date: IsoDate }
  | { type: 'termination_notice_received'; date: IsoDate; channel: NoticeChannel }
  | { type: 'price_change_objection_received'; date: IsoDate; priceChangeReceived: IsoDate; newPricesFrom: IsoDate }
  | { type: 'terminate_for_non_payment'; date: IsoDate; invoiceDueDate: IsoDate }
  | { type: 'terminate_after_breach'; date: IsoDate; breachNoticeReceived: IsoDate }
  | { type: 'force_majeure_termination_sent'; date: IsoDate; eventStart: IsoDate }
  | { type: 'suspend'; date: IsoDate }
  | { type: 'resume'; date: IsoDate }
  | { type: 'effective_date_reached'; date: IsoDate };

export type LifecycleEventType = LifecycleEvent['type'];

export const LIFECYCLE_EVENT_LABELS: Record<LifecycleEventType, string> = {
  activate: 'Activation',
  termination_notice_received: 'Réception du préavis de résiliation',
  price_change_objection_received: 'Opposition à la modification des prix',
  terminate_for_non_payment: 'Résiliation pour défaut de paiement',
  terminate_after_breach: 'Résiliation pour manquement non résolu',
  force_majeure_termination_sent: 'Résiliation pour force majeure',
  suspend: 'Suspension',
  resume: 'Reprise',
  effective_date_reached: 'Date d’effet de la résiliation atteinte',
};

/**
 * Statuses from which each event is allowed (date checks follow). A termination
 * may arrive while another is pending only if it takes effect earlier.
 */
const RUNNING: readonly ContractStatus[] = ['active', 'suspended', 'notice_received'];
const ALLOWED_FROM: Record<LifecycleEventType, readonly ContractStatus[]> = {
  activate: ['draft'],
  termination_notice_received: RUNNING,
  price_change_objection_received: RUNNING,
  terminate_for_non_payment: RUNNING,
  terminate_after_breach: RUNNING,
  force_majeure_termination_sent: RUNNING,
  suspend: ['active', 'notice_received'],
  resume: ['suspended'],
  effective_date_reached: ['notice_received', 'suspended'],
};

function refuse(said: Message): never {
  throw refusalError('INVALID_TRANSITION', said);
}

/** An event dated before the date it depends on is refused, naming both dates. */
function requireOnOrAfter(date: IsoDate, earliest: IsoDate, what: Message): void {
  if (toDayNumber(date) < toDayNumber(earliest)) refuse(message('refusal.transition.notBefore', { what: { message: what }, earliest: { date: earliest }, date: { date } }));
}

const eventWord = (type: LifecycleEventType) => ({ word: `code.lifecycleEvent.${type}` });

/** Status once a termination is recorded: immediate ones end the contract, others wait for their date. */
function withTermination(state: ContractLifecycle, cause: TerminationCause, noticeDate: IsoDate, effective: Explained<IsoDate>, channel?: NoticeChannel): ContractLifecycle {
  const pending = state.termination;
  if (pending && toDayNumber(pending.effectiveDate) <= toDayNumber(effective.value)) {
    refuse(message('refusal.transition.notEarlier', { cause: { word: `code.terminationCauseLabel.${pending.cause}` }, pending: { date: pending.effectiveDate }, effective: { date: effective.value } }));
  }
  const termination: Termination = { cause, noticeDate, effectiveDate: effective.value, clause: effective.clause, rule: effective.rule, ...(effective.message ? { message: effective.message } : {}), ...(channel ? { channel } : {}) };
  const immediate = toDayNumber(effective.value) <= toDayNumber(noticeDate);
  const status: ContractStatus = immediate ? 'terminated' : state.status === 'suspended' ? 'suspended' : 'notice_received';
  return { ...state, status, termination };
}

type Settings = Pick<RuleSettings, 'alsaceMoselle' | 'dunningReminderDays' | 'dunningFormalNoticeDays' | 'dunningTerminationDays'>;

export function applyLifecycleEvent(state: ContractLifecycle, event: LifecycleEvent, settings: Settings = DEFAULT_RULE_SETTINGS): ContractLifecycle {
  const label = eventWord(event.type);
  if (!ALLOWED_FROM[event.type].includes(state.status)) {
    refuse(message('refusal.transition.notAllowed', { event: label, status: { word: `code.contractStatus.${state.status}` } }));
  }
  parseIsoDate(event.date);
  if (state.startDate) requireOnOrAfter(event.date, state.startDate, message('refusal.transition.what.event', { event: label }));
  const withClause = (clause: string) => message('refusal.transition.what.eventClause', { event: label, clause });

  switch (event.type) {
    case 'activate':
      return { status: 'active', startDate: event.date };
    case 'termination_notice_received':
      return withTermination(state, 'client_notice', event.date, terminationEffectiveDateExplained(event.date), event.channel);
    case 'price_change_objection_received': {
      assertNewPricesFrom(event.priceChangeReceived, event.newPricesFrom);
      requireOnOrAfter(event.date, event.priceChangeReceived, message('refusal.transition.what.objection'));
      const deadline = priceChangeDates(event.priceChangeReceived, settings).objectionDeadline;
      if (toDayNumber(event.date) > toDayNumber(deadline)) {
        refuse(message('refusal.transition.lateObjection', { date: { date: event.date }, deadline: { date: deadline } }));
      }
      return withTermination(state, 'price_change_objection', event.date, priceChangeObjectionTerminationDateExplained(event.newPricesFrom));
    }
    case 'terminate_for_non_payment':
      requireOnOrAfter(event.date, nonPaymentTerminationOpensOn(event.invoiceDueDate, settings), withClause('§6.6'));
      return withTermination(state, 'non_payment', event.date, explainedMessage(event.date, '§6.6', message('rule.termination.nonPayment')));
    case 'terminate_after_breach':
      requireOnOrAfter(event.date, breachTerminationOpensOn(event.breachNoticeReceived, settings), withClause('§6.6'));
      return withTermination(state, 'uncured_breach', event.date, explainedMessage(event.date, '§6.6', message('rule.termination.breach')));
    case 'force_majeure_termination_sent':
      requireOnOrAfter(event.date, forceMajeureTerminationOpensOn(event.eventStart), withClause('§7.4'));
      return withTermination(state, 'force_majeure', event.date, forceMajeureTerminationEffectiveDateExplained(event.date));
    case 'suspend':
      return { ...state, status: 'suspended', suspendedOn: event.date };
    case 'resume': {
      const { suspendedOn: _suspendedOn, ...rest } = state;
      return { ...rest, status: state.termination ? 'notice_received' : 'active' };
    }
    case 'effective_date_reached': {
      const pending = state.termination;
      if (!pending) refuse(message('refusal.transition.noTermination'));
      requireOnOrAfter(event.date, pending.effectiveDate, message('refusal.transition.what.closing'));
      return { ...state, status: 'terminated' };
    }
  }
}

/** The state after a whole history of events, from the draft. */
export function replayLifecycleEvents(events: readonly LifecycleEvent[], settings: Settings = DEFAULT_RULE_SETTINGS): ContractLifecycle {
  return events.reduce((state, event) => applyLifecycleEvent(state, event, settings), INITIAL_CONTRACT_LIFECYCLE);
}
