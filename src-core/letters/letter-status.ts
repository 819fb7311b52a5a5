import { compareDates, type IsoDate } from '../dates';
import { message, messageFr, refusalError, type Message, type MessageCode } from '../messages';
import type { LetterStatus } from '../model/letter';

/**
 * Life of a registered letter (DOMAIN.md, Letters): draft → printed → sent
 * (date, registered number) → received (date of the acknowledgement) or
 * returned. A pure machine, so the data layer can refuse a wrong step before
 * writing anything, with a French message.
 */
export type LetterStep =
  | { type: 'print' }
  | { type: 'send'; sentOn: IsoDate; registeredNumber: string }
  /** Also from "received": correcting the acknowledgement's date recomputes the deadlines. */
  | { type: 'receive'; receivedOn: IsoDate }
  | { type: 'return' };

export type LetterStepType = LetterStep['type'];

/** What the machine reads and writes of a stored letter. */
export interface LetterTrack {
  status: LetterStatus;
  /** Date printed on the letter; it cannot be sent before it. */
  letterDate: IsoDate;
  sentOn?: IsoDate | undefined;
  registeredNumber?: string | undefined;
  receivedOn?: IsoDate | undefined;
}

export const LETTER_STEP_LABELS: Record<LetterStepType, string> = {
  print: messageFr(message('code.letterStep.print')),
  send: messageFr(message('code.letterStep.send')),
  receive: messageFr(message('code.letterStep.receive')),
  return: messageFr(message('code.letterStep.return')),
};

const ALLOWED_FROM: Record<LetterStepType, readonly LetterStatus[]> = {
  print: ['draft'],
  send: ['printed'],
  receive: ['sent', 'received'],
  return: ['sent'],
};

/** Statuses whose refusal adds a hint of what to do ('refusal.letterStep.hint.<status>'). */
const HINTED: readonly LetterStatus[] = ['draft', 'printed', 'returned', 'received', 'sent'];

function refuse(said: Message): never {
  throw refusalError('INVALID_TRANSITION', said);
}

function notAfterToday(date: IsoDate, today: IsoDate, code: 'refusal.letterStep.futureSent' | 'refusal.letterStep.futureReceived'): void {
  if (compareDates(date, today) > 0) refuse(message(code, { date: { date } }));
}

/**
 * True when `step` would leave the letter as it already is: the same step
 * submitted again (a double click, a retried command). The data layer then
 * writes nothing instead of refusing a transition the first submit made.
 */
export function repeatsLetterStep(letter: LetterTrack, step: LetterStep): boolean {
  switch (step.type) {
    case 'print':
      return letter.status === 'printed';
    case 'send':
      return letter.status === 'sent' && letter.sentOn === step.sentOn && letter.registeredNumber === step.registeredNumber.trim().toUpperCase();
    case 'receive':
      return letter.status === 'received' && letter.receivedOn === step.receivedOn;
    case 'return':
      return letter.status === 'returned';
  }
}

/** The letter after `step` on `today`, or a DomainError('INVALID_TRANSITION') saying why not. */
export function applyLetterStep(letter: LetterTrack, step: LetterStep, today: IsoDate): LetterTrack {
  if (!ALLOWED_FROM[step.type].includes(letter.status)) {
    const hint = HINTED.includes(letter.status) ? { message: message(`refusal.letterStep.hint.${letter.status}` as MessageCode) } : '';
    refuse(message('refusal.letterStep.notAllowed', { step: { word: `code.letterStep.${step.type}` }, status: { word: `code.letterStatusWord.${letter.status}` }, hint }));
  }
  switch (step.type) {
    case 'print':
      return { ...letter, status: 'printed' };
    case 'send': {
      const registeredNumber = step.registeredNumber.trim().toUpperCase();
      if (!registeredNumber) refuse(message('refusal.letterStep.registeredNumber'));
      notAfterToday(step.sentOn, today, 'refusal.letterStep.futureSent');
      if (compareDates(step.sentOn, letter.letterDate) < 0) {
        refuse(message('refusal.letterStep.sentBeforeDate', { letterDate: { date: letter.letterDate }, sentOn: { date: step.sentOn } }));
      }
      return { ...letter, status: 'sent', sentOn: step.sentOn, registeredNumber };
    }
    case 'receive': {
      notAfterToday(step.receivedOn, today, 'refusal.letterStep.futureReceived');
      // Allowed statuses guarantee a sending date.
      const sentOn = letter.sentOn!;
      if (compareDates(step.receivedOn, sentOn) < 0) {
        refuse(message('refusal.letterStep.receivedBeforeSent', { receivedOn: { date: step.receivedOn }, sentOn: { date: sentOn } }));
      }
      return { ...letter, status: 'received', receivedOn: step.receivedOn };
    }
    case 'return':
      return { ...letter, status: 'returned' };
  }
}
