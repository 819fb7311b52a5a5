import { addDays, compareDates, type IsoDate } from '../dates';
import { DomainError } from '../errors';
import { message, type Message } from '../messages';
import { breachCureDeadline, breachTerminationOpensOn, dunningSchedule, nonPaymentTerminationOpensOn } from '../lifecycle';
import type { Letter } from '../model/letter';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../settings';
import { composeLetter } from './compose';
import type { LetterParamsByKind } from './params';
import { readLetterParams } from './stored-params';
import type { LetterDeadline, LetterKind } from './types';

/**
 * What a stored letter commits to once it is out: its deadlines, counted from
 * the real receipt date when the acknowledgement is known and from the
 * presumed one until then (DOMAIN.md: deadlines are recomputed when the receipt
 * date is entered), and the next letter to write once a deadline has passed.
 */
export type TrackedLetter = Pick<Letter, 'id' | 'kind' | 'status' | 'clientId' | 'contractId' | 'createdAt' | 'sentOn' | 'receivedOn' | 'params'>;

/** Kinds whose deadlines run from the letter's receipt (the others from dates they quote). */
const RECEIPT_KINDS: ReadonlySet<LetterKind> = new Set(['priceChange', 'breachNotice', 'formalNotice']);

export interface TrackedDeadlines {
  deadlines: LetterDeadline[];
  /** Set when the receipt came too late for a date the letter announced (a §5.2 date then moves). */
  warning?: string;
  /** The same warning as a code and its values, for the interface's language. */
  warningMessage?: Message;
}

export function trackedLetterDeadlines(letter: TrackedLetter, settings: RuleSettings = DEFAULT_RULE_SETTINGS): TrackedDeadlines {
  const params = readLetterParams(letter.kind, letter.params);
  // Deadlines run from the day the letter actually left, not the date printed on it.
  const actual = {
    ...params,
    letterDate: letter.sentOn ?? params.letterDate,
    ...(RECEIPT_KINDS.has(letter.kind) && letter.receivedOn ? { receivedOn: letter.receivedOn } : {}),
  } as LetterParamsByKind[LetterKind];
  try {
    return { deadlines: composeLetter(letter.kind, actual, settings).deadlines };
  } catch (error) {
    if (!(error instanceof DomainError) || letter.kind !== 'priceChange' || !('effectiveFrom' in actual)) throw error;
    // A late receipt can push the earliest lawful date past the one announced: the new prices then start later.
    const { effectiveFrom: _announced, ...lawful } = actual as LetterParamsByKind['priceChange'];
    return { deadlines: composeLetter('priceChange', lawful, settings).deadlines, warning: error.message, ...(error.said ? { warningMessage: error.said } : {}) };
  }
}

/** The letter the account manager should write next, with why and from when. */
export interface FollowUp {
  kind: LetterKind;
  /** "Rédiger la résiliation pour manquement non corrigé": a message, said in the interface's language (`messageFr` for the French). */
  action: Message;
  /** The rule and the date that opened it. */
  reason: Message;
  /** First day the follow-up is possible. */
  since: IsoDate;
  /** Values to prefill the new letter with (the letter's date is the day it is written). */
  params: Partial<Record<string, unknown>>;
}

const OUT: readonly Letter['status'][] = ['sent', 'received'];

export function letterFollowUp(letter: TrackedLetter, today: IsoDate, settings: RuleSettings = DEFAULT_RULE_SETTINGS): FollowUp | null {
  if (!letter.sentOn || ![...OUT, 'returned'].includes(letter.status)) return null;
  const reached = (date: IsoDate) => compareDates(today, date) >= 0;
  // The next letter cites this one by its own date ("Par lettre du …"), the date printed on it, not the day it was posted.
  const { letterDate: earlierDate, receivedOn: _receivedOn, ...carried } = readLetterParams(letter.kind, letter.params) as { letterDate: IsoDate; receivedOn?: IsoDate } & Record<string, unknown>;

  if (letter.status === 'returned') {
    return { kind: letter.kind, action: message('followUp.resend.action'), reason: message('followUp.resend.reason'), since: today, params: carried };
  }

  if (letter.kind === 'breachNotice' && letter.status === 'received') {
    // Termination needs the real receipt date: a presumed one is not enough to end a contract.
    const opens = breachTerminationOpensOn(letter.receivedOn!, settings);
    if (!reached(opens)) return null;
    return {
      kind: 'breachTermination',
      action: message('followUp.breachTermination.action'),
      reason: message('followUp.breachTermination.reason', { cureBy: { date: breachCureDeadline(letter.receivedOn!, settings) } }),
      since: opens,
      params: { contract: carried.contract, description: carried.description, breachNoticeSentOn: earlierDate, breachNoticeReceivedOn: letter.receivedOn },
    };
  }
  if (letter.kind === 'paymentReminder' || letter.kind === 'formalNotice') {
    const dueDate = carried.dueDate as IsoDate;
    const invoice = { contract: carried.contract, invoiceNumber: carried.invoiceNumber, invoiceDate: carried.invoiceDate, dueDate, amountDueCents: carried.amountDueCents };
    if (letter.kind === 'paymentReminder') {
      const since = dunningSchedule(dueDate, settings).find((d) => d.step === 'formal_notice')!.value;
      if (!reached(since)) return null;
      return {
        kind: 'formalNotice',
        action: message('followUp.formalNotice.action'),
        reason: message('followUp.formalNotice.reason', { invoice: String(carried.invoiceNumber), due: { date: dueDate }, since: { date: since } }),
        since,
        params: { ...invoice, reminderSentOn: earlierDate },
      };
    }
    const since = nonPaymentTerminationOpensOn(dueDate, settings);
    if (!reached(since)) return null;
    return {
      kind: 'nonPaymentTermination',
      action: message('followUp.nonPaymentTermination.action'),
      reason: message('followUp.nonPaymentTermination.reason', { invoice: String(carried.invoiceNumber), due: { date: dueDate }, since: { date: since } }),
      since,
      // A notice that named several invoices leads to a termination naming them all.
      params: { ...invoice, ...(Array.isArray(carried.otherInvoices) ? { otherInvoices: carried.otherInvoices } : {}), formalNoticeSentOn: earlierDate },
    };
  }
  return null;
}

/**
 * Follow-ups due among `letters`, leaving out those already written: a later
 * letter of the proposed kind on the same contract.
 */
export function pendingFollowUps(letters: readonly TrackedLetter[], today: IsoDate, settings: RuleSettings = DEFAULT_RULE_SETTINGS): { letter: TrackedLetter; followUp: FollowUp }[] {
  return letters.flatMap((letter) => {
    const followUp = letterFollowUp(letter, today, settings);
    if (!followUp) return [];
    const written = letters.some((l) => l.contractId === letter.contractId && l.kind === followUp.kind && l.createdAt > letter.createdAt);
    return written ? [] : [{ letter, followUp }];
  });
}

export interface UpcomingLetterDeadline {
  letter: TrackedLetter;
  deadline: LetterDeadline;
}

/** Deadlines of letters already sent that fall between today and today + `days`, soonest first. */
export function upcomingLetterDeadlines(letters: readonly TrackedLetter[], today: IsoDate, days: number, settings: RuleSettings = DEFAULT_RULE_SETTINGS): UpcomingLetterDeadline[] {
  const last = addDays(today, days);
  return letters
    .filter((l) => OUT.includes(l.status))
    .flatMap((letter) =>
      trackedLetterDeadlines(letter, settings)
        .deadlines.filter((d) => compareDates(d.value, today) >= 0 && compareDates(d.value, last) <= 0)
        .map((deadline) => ({ letter, deadline })),
    )
    .sort((a, b) => compareDates(a.deadline.value, b.deadline.value));
}
