import type { IsoDate } from '../dates';
import type { Explained } from '../explain';
import type { Message } from '../messages';

/** The registered letters of DOMAIN.md (Letters), one composer each. */
export const LETTER_KINDS = [
  'terminationAcknowledgement',
  'priceChange',
  'tierChange',
  'paymentReminder',
  'formalNotice',
  'nonPaymentTermination',
  'breachNotice',
  'breachTermination',
  'forceMajeureTermination',
  'receiptCorrection',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** A date the letter announces, with its rule, so the screen can list what the letter commits to. */
export interface LetterDeadline extends Explained<IsoDate> {
  /** "Résiliation effective", "Date limite d'opposition"… */
  label: string;
  /** The same label as a code, for the interface's language (issue 19); `label` is its French. */
  labelMessage: Message;
}

/**
 * What a letter says, independent of paper: the PDF renderer lays it out, the
 * screen can preview it. Paragraphs are plain French sentences; a paragraph
 * starting with "– " is a list item.
 */
export interface LetterContent {
  kind: LetterKind;
  /** Objet */
  subject: string;
  /** "Contrat n° C-2026-0042 — Hébergement Dokos T99" */
  contractReference: string;
  salutation: string;
  paragraphs: string[];
  /** Formule de politesse. */
  closing: string;
  deadlines: LetterDeadline[];
}
