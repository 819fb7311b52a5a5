import { compareDates, formatDateFr, type IsoDate } from '../dates';
import { DomainError } from '../errors';
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
  print: 'Impression',
  send: 'Envoi en recommandé',
  receive: 'Réception (accusé de réception)',
  return: 'Retour du pli non distribué',
};

const ALLOWED_FROM: Record<LetterStepType, readonly LetterStatus[]> = {
  print: ['draft'],
  send: ['printed'],
  receive: ['sent', 'received'],
  return: ['sent'],
};

/** Why a step is refused in a given status, in the account manager's words. */
const HINT: Partial<Record<LetterStatus, string>> = {
  draft: 'imprimez d’abord la lettre',
  printed: 'la lettre n’a pas encore été envoyée',
  returned: 'le pli est revenu ; rédigez un nouvel envoi',
  received: 'la lettre a déjà été reçue',
  sent: 'la lettre est déjà envoyée',
};

const STATUS_WORDS: Record<LetterStatus, string> = {
  draft: 'brouillon',
  printed: 'imprimée',
  sent: 'envoyée',
  received: 'reçue',
  returned: 'retournée',
};

function refuse(message: string): never {
  throw new DomainError('INVALID_TRANSITION', `Transition impossible : ${message}`);
}

function notAfterToday(date: IsoDate, today: IsoDate, what: string): void {
  if (compareDates(date, today) > 0) refuse(`${what} (${formatDateFr(date)}) ne peut pas être dans le futur.`);
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
    const hint = HINT[letter.status];
    refuse(`« ${LETTER_STEP_LABELS[step.type]} » n’est pas possible pour une lettre ${STATUS_WORDS[letter.status]}${hint ? ` : ${hint}` : ''}.`);
  }
  switch (step.type) {
    case 'print':
      return { ...letter, status: 'printed' };
    case 'send': {
      const registeredNumber = step.registeredNumber.trim().toUpperCase();
      if (!registeredNumber) refuse('le numéro du recommandé est obligatoire pour un envoi.');
      notAfterToday(step.sentOn, today, 'La date d’envoi');
      if (compareDates(step.sentOn, letter.letterDate) < 0) {
        refuse(`la lettre est datée du ${formatDateFr(letter.letterDate)} ; elle ne peut pas être envoyée le ${formatDateFr(step.sentOn)}.`);
      }
      return { ...letter, status: 'sent', sentOn: step.sentOn, registeredNumber };
    }
    case 'receive': {
      notAfterToday(step.receivedOn, today, 'La date de réception');
      // Allowed statuses guarantee a sending date.
      const sentOn = letter.sentOn!;
      if (compareDates(step.receivedOn, sentOn) < 0) {
        refuse(`la réception (${formatDateFr(step.receivedOn)}) ne peut pas précéder l’envoi (${formatDateFr(sentOn)}).`);
      }
      return { ...letter, status: 'received', receivedOn: step.receivedOn };
    }
    case 'return':
      return { ...letter, status: 'returned' };
  }
}
