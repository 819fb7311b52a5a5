import { isValidIsoDate, type IsoDate } from '../dates';
import { applyLetterStep, type LetterStep, type LetterTrack } from '../letters/letter-status';
import type { LetterStatus } from '../model/letter';
import { message } from '../messages';
import { refusal, verdictOf, type Verdict } from './verdict';

/**
 * A letter moves only along its states (DOMAIN.md, Letters): the step a
 * change of stored letter amounts to is judged by the same machine
 * (`applyLetterStep`) the laptop's letter actions run, so a jump (draft →
 * sent), a step back or an impossible date gets the laptop's own refusal —
 * on the laptop's repository and on the central API alike.
 */
export interface StoredLetterTrack {
  status: LetterStatus;
  sentOn?: IsoDate | undefined;
  registeredNumber?: string | undefined;
  receivedOn?: IsoDate | undefined;
  params: Readonly<Record<string, unknown>>;
}

const TRACKED = ['status', 'sentOn', 'registeredNumber', 'receivedOn'] as const;

/** A letter's status inside a sentence: « une lettre imprimée ». */
const statusWord = (status: LetterStatus) => ({ word: `code.letterStatusWord.${status}` });

/** The step that leads to `after`'s status with `after`'s dates. */
function stepTo(after: StoredLetterTrack): LetterStep | null {
  switch (after.status) {
    case 'draft':
      return null;
    case 'printed':
      return { type: 'print' };
    case 'sent':
      return { type: 'send', sentOn: after.sentOn ?? '', registeredNumber: after.registeredNumber ?? '' };
    case 'received':
      return { type: 'receive', receivedOn: after.receivedOn ?? '' };
    case 'returned':
      return { type: 'return' };
  }
}

/** The date printed on the letter; a letter stored without one is not held to it. */
function trackOf(letter: StoredLetterTrack): LetterTrack {
  const date = letter.params.letterDate;
  return { ...letter, letterDate: typeof date === 'string' && isValidIsoDate(date) ? date : '0001-01-01' };
}

/** Why `before` may not become `after` on `today` (Paris), or null when its status and dates follow a step of the machine. */
export function letterChangeRefusal(before: StoredLetterTrack, after: StoredLetterTrack, today: IsoDate): Verdict {
  if (TRACKED.every((field) => before[field] === after[field])) return null;
  const step = stepTo(after);
  if (!step) return refusal('INVALID_TRANSITION', message('refusal.letter.backToDraft', { status: statusWord(before.status) }));
  if ((step.type === 'send' && !after.sentOn) || (step.type === 'receive' && !after.receivedOn)) {
    return refusal('INVALID_INPUT', message(step.type === 'send' ? 'refusal.letter.sentOnRequired' : 'validation.letter.receivedOnRequired'));
  }
  return verdictOf(() => applyLetterStep(trackOf(before), step, today));
}

/**
 * A letter that left the draft state is part of the file (printed, sent, its
 * receipt known): it is never deleted. The laptop deletes only a draft notice
 * undone with its tier change.
 */
export function letterDeletionRefusal(before: Pick<StoredLetterTrack, 'status'>): Verdict {
  if (before.status === 'draft') return null;
  return refusal('INVALID_TRANSITION', message('refusal.letter.noDelete', { status: statusWord(before.status) }));
}
