import { message, type Message } from '../messages';
import { formatDateLongFr, type IsoDate } from '../dates';
import { LETTER_KIND_LABELS } from '../export/labels';
import type { Letter } from '../model/letter';
import type { RuleSettings } from '../settings';
import { composeLetter } from './compose';
import { trackedLetterDeadlines } from './follow-up';
import type { LetterParamsByKind } from './params';
import { CLOSING, SALUTATION, article, contractLine, longDate } from './phrasing';
import { readLetterParams, storeLetterParams, type StoredLetterParams } from './stored-params';
import type { LetterContent, LetterDeadline, LetterKind } from './types';

/**
 * A receipt that moves a printed date (DOMAIN.md, The contract's life acts on
 * everything else): a letter is written before it is received, so the dates it
 * prints run from a presumed receipt (its own date + `presumedReceiptDays`).
 * When the acknowledgement brings another date, the dates that run from it
 * move; the account manager is warned when entering it and offered a
 * corrective letter citing the first one by its own date.
 */
export type CorrectableKind = LetterParamsByKind['receiptCorrection']['corrects']['kind'];
const CORRECTABLE: readonly LetterKind[] = ['priceChange', 'breachNotice', 'formalNotice'] satisfies CorrectableKind[];
/** The clause each corrected letter's dates come from. */
const CLAUSE: Record<CorrectableKind, string> = { priceChange: '5.2', breachNotice: '6.6', formalNotice: '6.6' };

export interface MovedDate {
  label: string;
  /** As the letter printed it. */
  printed: IsoDate;
  /** From the acknowledged receipt, with its rule. */
  corrected: LetterDeadline;
}

export interface ReceiptMove {
  /** The receipt the letter presumed (printed) and the one acknowledged. */
  presumedOn: IsoDate;
  receivedOn: IsoDate;
  moved: MovedDate[];
  /** Set when the receipt came too late for a date the letter chose (§5.2): the new prices start later. */
  warning?: string;
  /** The same warning as a code and its values, for the interface's language. */
  warningMessage?: Message;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Receipt deadlines are the fact itself, not a date the letter committed to. */
const isReceipt = (d: LetterDeadline) => d.label.startsWith('Réception');

/**
 * The printed dates of a letter that `receivedOn` moves, for a letter sent on
 * `sentOn`; null for a kind whose dates do not run from its receipt.
 */
export function datesMovedByReceipt(
  letter: Pick<Letter, 'kind' | 'params'>,
  sentOn: IsoDate,
  receivedOn: IsoDate,
  settings: RuleSettings,
): ReceiptMove | null {
  if (!CORRECTABLE.includes(letter.kind)) return null;
  const printed = composeLetter(letter.kind, readLetterParams(letter.kind, letter.params), settings).deadlines;
  const tracked = trackedLetterDeadlines({ id: '', clientId: '', contractId: '', createdAt: '', kind: letter.kind, params: letter.params, status: 'received', sentOn, receivedOn }, settings);
  const moved = tracked.deadlines.flatMap((corrected) => {
    if (isReceipt(corrected)) return [];
    const was = printed.find((d) => d.label === corrected.label);
    return was && was.value !== corrected.value ? [{ label: corrected.label, printed: was.value, corrected }] : [];
  });
  const presumedOn = printed.find(isReceipt)!.value;
  return { presumedOn, receivedOn, moved, ...(tracked.warning ? { warning: tracked.warning } : {}), ...(tracked.warningMessage ? { warningMessage: tracked.warningMessage } : {}) };
}

/** The moves in one French sentence, for the warning on entering the receipt: "Date limite d’opposition : 07/04/2027 → 14/04/2027". */
export function describeMoves(move: ReceiptMove): Message[] {
  return move.moved.map((m) => message('receipt.move', { label: { message: m.corrected.labelMessage }, printed: { date: m.printed }, corrected: { date: m.corrected.value } }));
}

/** The corrective letter's params for a received letter whose printed dates moved, dated `letterDate`. */
export function receiptCorrectionParams(letter: Pick<Letter, 'kind' | 'params' | 'sentOn' | 'receivedOn'>, letterDate: IsoDate): LetterParamsByKind['receiptCorrection'] {
  const original = readLetterParams(letter.kind, letter.params) as { contract: { reference: string; label?: string } };
  return {
    contract: original.contract,
    letterDate,
    corrects: { kind: letter.kind as CorrectableKind, sentOn: letter.sentOn!, receivedOn: letter.receivedOn!, params: letter.params },
  };
}

/**
 * "Rectification des dates de notre lettre du 5 mars 2027": cites the first
 * letter by its own date, states the presumed and the acknowledged receipt,
 * then each corrected date with the rule it comes from.
 */
export function composeReceiptCorrection(p: LetterParamsByKind['receiptCorrection'], settings: RuleSettings): LetterContent {
  const { kind, sentOn, receivedOn } = p.corrects;
  const stored = storeLetterParams(p.corrects.params) as StoredLetterParams;
  const earlier = readLetterParams(kind, stored) as { letterDate: IsoDate };
  const move = datesMovedByReceipt({ kind, params: stored }, sentOn, receivedOn, settings)!;
  const cited = `notre lettre du ${formatDateLongFr(earlier.letterDate)}`;
  return {
    kind: 'receiptCorrection',
    subject: `Rectification des dates de ${cited}`,
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      `Par lettre recommandée du ${formatDateLongFr(earlier.letterDate)} (${LETTER_KIND_LABELS[kind].toLowerCase()}), nous vous indiquions des dates calculées à partir d’une réception présumée ${longDate(move.presumedOn)}, ${settings.presumedReceiptDays} jours après son envoi.`,
      `L’avis de réception nous apprend que cette lettre vous a été remise ${longDate(receivedOn)}. Les dates qui courent à compter de sa réception en application de ${article(CLAUSE[kind])} sont donc rectifiées comme suit :`,
      ...move.moved.map((m) => `– ${m.label} : ${longDate(m.corrected.value)}, et non ${longDate(m.printed)} (${lowerFirst(m.corrected.rule.replace(/\.$/, ''))}).`),
      ...(move.moved.length === 0 ? ['– Aucune des dates de cette lettre n’est modifiée.'] : []),
      ...(move.warning ? [move.warning] : []),
      `Les autres termes de ${cited} demeurent inchangés.`,
    ],
    closing: CLOSING,
    deadlines: move.moved.map((m) => m.corrected),
  };
}

/**
 * The moves a received letter still calls a corrective letter for: printed
 * dates its acknowledged receipt moved, unless a corrective letter for that
 * receipt is already written among `contractLetters`. Null otherwise.
 */
export function receiptCorrectionDue(
  letter: Pick<Letter, 'id' | 'kind' | 'params' | 'status' | 'sentOn' | 'receivedOn'>,
  contractLetters: readonly Pick<Letter, 'kind' | 'params'>[],
  settings: RuleSettings,
): ReceiptMove | null {
  if (letter.status !== 'received' || !letter.sentOn || !letter.receivedOn) return null;
  const move = datesMovedByReceipt(letter, letter.sentOn, letter.receivedOn, settings);
  if (!move || move.moved.length === 0) return null;
  const written = contractLetters.some(
    (l) => l.kind === 'receiptCorrection' && l.params['corrects.receivedOn'] === letter.receivedOn && l.params['corrects.kind'] === letter.kind && l.params['corrects.params.letterDate'] === letter.params.letterDate,
  );
  return written ? null : move;
}
