import { compareDates, formatDateLongFr, type IsoDate } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message, messageFr, type Message } from '../messages';
import { FIXED_RECOVERY_INDEMNITY_CENTS } from '../billing';
import { presumedReceiptDateExplained } from '../lifecycle';
import { formatEuros } from '../money';
import type { RuleSettings } from '../settings';
import type { LetterDeadline } from './types';

/**
 * Wording shared by several letters, written once so that every letter quotes
 * a clause, a legal text or a date the same way.
 */

export const SALUTATION = 'Madame, Monsieur,';
export const CLOSING =
  'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.';
export const AVAILABILITY = 'Nous restons à votre disposition pour toute question.';

/** "l’article 6.6 de nos conditions générales de vente" — letters cite the CGV by article number, as printed. */
export function article(clause: string): string {
  return `l’article ${clause.replace('§', '')} de nos conditions générales de vente`;
}

export function contractLine(contract: { reference: string; label?: string | undefined }): string {
  return `Contrat n° ${contract.reference}${contract.label ? ` — ${contract.label}` : ''}`;
}

/** "le 28 février 2027" */
export function longDate(date: IsoDate): string {
  return `le ${formatDateLongFr(date)}`;
}

/**
 * The tense of a date as seen on the letter's own date (DOMAIN.md: a letter
 * never states a date already past on its date as a future one): `past` when
 * `date` is before `letterDate`, else `future`.
 */
export function onLetterDate(letterDate: IsoDate, date: IsoDate, words: { past: string; future: string }): string {
  return compareDates(date, letterDate) < 0 ? words.past : words.future;
}

/** A dated commitment of a letter: its label as a code (French in `label`), its date and rule as computed. */
export function deadline(label: Message, date: Explained<IsoDate>): LetterDeadline {
  return { label: messageFr(label), labelMessage: label, ...date };
}

/**
 * The receipt date a notice's deadlines run from. A letter is written before it
 * is received: until the acknowledgement comes back, receipt is presumed (rule
 * of the lifecycle), and the letter says so.
 */
export interface ReceiptBasis {
  deadline: LetterDeadline;
  /** Follows "réception": "le 30 novembre 2026" / "présumée le 30 novembre 2026, 3 jours après son envoi". */
  phrase: string;
}

export function receiptBasis(sentOn: IsoDate, receivedOn: IsoDate | undefined, settings: RuleSettings, clause: string): ReceiptBasis {
  if (receivedOn) {
    return {
      deadline: deadline(message('deadline.receipt'), explainedMessage(receivedOn, clause, message('rule.receipt.acknowledged'))),
      phrase: longDate(receivedOn),
    };
  }
  const presumed = presumedReceiptDateExplained(sentOn, settings, clause);
  return {
    deadline: deadline(message('deadline.presumedReceipt'), presumed),
    phrase: `présumée ${longDate(presumed.value)}, ${settings.presumedReceiptDays} jours après son envoi`,
  };
}

/** §6.6 surcharge and the legal recovery indemnity, quoted in every dunning letter. */
export const LATE_PAYMENT_TERMS =
  `tout retard de paiement entraîne une majoration de 50 % du montant impayé (${article('6.6')}) ` +
  `ainsi qu’une indemnité forfaitaire pour frais de recouvrement de ${formatEuros(FIXED_RECOVERY_INDEMNITY_CENTS)} ` +
  '(articles L441-10 et D441-5 du Code de commerce)';

/** §3: on termination access is revoked, data stays retrievable free of charge in open formats. */
export const DATA_RETRIEVAL =
  'À la date d’effet de la résiliation, l’accès au Logiciel sera révoqué. Vous pouvez dès à présent ' +
  'récupérer vos données dans un format standardisé et ouvert (CSV, XML), sans frais, conformément à ' +
  `${article('3')}.`;
