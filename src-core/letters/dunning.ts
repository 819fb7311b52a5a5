import { compareDates, formatDateFr, formatDateLongFr, type IsoDate } from '../dates';
import { FIXED_RECOVERY_INDEMNITY_CENTS, lateSurchargeCents } from '../billing';
import { actionDeadline } from '../calendar';
import { nonPaymentTerminationOpensOn, presumedReceiptDate, type DunningStep } from '../lifecycle';
import { DomainError } from '../errors';
import { formatEuros } from '../money';
import { DEFAULT_FORMAL_NOTICE_PAYMENT_DAYS, type RuleSettings } from '../settings';
import type { LetterParamsByKind } from './params';
import { AVAILABILITY, CLOSING, LATE_PAYMENT_TERMS, SALUTATION, article, contractLine, deadline, longDate } from './phrasing';
import { immediateTermination } from './termination';
import type { LetterContent, LetterDeadline } from './types';

type UnpaidInvoice = LetterParamsByKind['paymentReminder'];

/** The letter each dunning step calls for (§6.6): what "rédiger ce courrier" opens. */
export const DUNNING_STEP_LETTER: Record<DunningStep, 'paymentReminder' | 'formalNotice' | 'nonPaymentTermination'> = {
  reminder: 'paymentReminder',
  formal_notice: 'formalNotice',
  termination_possible: 'nonPaymentTermination',
};

/** "la facture n° F-2026-000123 du 01/11/2026, échue le 1er décembre 2026" */
function invoicePhrase(p: UnpaidInvoice): string {
  return `la facture n° ${p.invoiceNumber} du ${formatDateFr(p.invoiceDate)}, échue ${longDate(p.dueDate)}`;
}

/** From this date the contract may be terminated for non-payment (lifecycle dunning rule, §6.6). */
function terminationOpens(dueDate: IsoDate, settings: RuleSettings): LetterDeadline {
  return deadline(
    'Résiliation pour impayé possible',
    nonPaymentTerminationOpensOn(dueDate, settings),
    '§6.6',
    `Échéance du ${formatDateFr(dueDate)} + ${settings.dunningTerminationDays} jours : le contrat peut être résilié avec effet à la date de la lettre.`,
  );
}

export function composePaymentReminder(p: LetterParamsByKind['paymentReminder']): LetterContent {
  return {
    kind: 'paymentReminder',
    subject: `Relance — facture n° ${p.invoiceNumber} impayée`,
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      `Sauf erreur ou omission de notre part, ${invoicePhrase(p)}, reste impayée à ce jour pour un montant de ${formatEuros(p.amountDueCents)} TTC.`,
      'Nous vous remercions de bien vouloir procéder à son règlement dans les meilleurs délais. Si votre paiement a été effectué entre-temps, nous vous prions de ne pas tenir compte de la présente relance.',
      `Nous vous rappelons que ${LATE_PAYMENT_TERMS}.`,
      AVAILABILITY,
    ],
    closing: CLOSING,
    deadlines: [deadline('Échéance de la facture', p.dueDate, '§6.1', 'Date d’échéance indiquée sur la facture.')],
  };
}

/**
 * The last day to pay a formal notice: its receipt (presumed, letter date + N days, until the
 * acknowledgement is entered) + the settings' days (8 by default), moved to a business day
 * since the client may still act until then (art. 642 CPC).
 */
function paymentDeadline(p: LetterParamsByKind['formalNotice'], settings: RuleSettings): LetterDeadline {
  const days = settings.formalNoticePaymentDays ?? DEFAULT_FORMAL_NOTICE_PAYMENT_DAYS;
  const receipt = p.receivedOn ?? presumedReceiptDate(p.letterDate, settings);
  const basis = p.receivedOn ? `réception de la mise en demeure le ${formatDateFr(receipt)}` : `réception présumée le ${formatDateFr(receipt)} (date de la lettre + ${settings.presumedReceiptDays} jours)`;
  return deadline('Date limite de paiement', actionDeadline(receipt, days, settings), '§6.6', `${basis[0]!.toUpperCase()}${basis.slice(1)} + ${days} jours, reporté au jour ouvré suivant s’il y a lieu.`);
}

/**
 * Mise en demeure: the balance of the invoice it names (read from the ledger, never typed),
 * the §6.6 surcharge computed on it and the indemnity, the last day to pay, and the
 * termination it may lead to. "Malgré notre relance" only when a reminder was sent.
 */
export function composeFormalNotice(p: LetterParamsByKind['formalNotice'], settings: RuleSettings): LetterContent {
  const opens = terminationOpens(p.dueDate, settings);
  const payBy = paymentDeadline(p, settings);
  const surcharge = lateSurchargeCents(p.amountDueCents);
  const total = p.amountDueCents + surcharge + FIXED_RECOVERY_INDEMNITY_CENTS;
  const despite = p.reminderSentOn ? `Malgré notre relance du ${formatDateLongFr(p.reminderSentOn)}` : 'Sauf erreur ou omission de notre part';
  return {
    kind: 'formalNotice',
    subject: `Mise en demeure de payer — facture n° ${p.invoiceNumber}`,
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      `${despite}, ${invoicePhrase(p)}, reste impayée pour un montant de ${formatEuros(p.amountDueCents)} TTC.`,
      `Par la présente, nous vous mettons en demeure de régler cette somme au plus tard ${longDate(payBy.value)}.`,
      `Conformément à ${article('6.6')}, ce retard entraîne une majoration de 50 % du montant impayé, soit ${formatEuros(surcharge)}, à laquelle s’ajoute l’indemnité forfaitaire pour frais de recouvrement de ${formatEuros(FIXED_RECOVERY_INDEMNITY_CENTS)} (articles L441-10 et D441-5 du Code de commerce) ; ces sommes, soit au total ${formatEuros(total)} avec la facture, font l’objet d’un document distinct.`,
      `À défaut de paiement intégral, nous serons en droit de résilier le contrat avec effet immédiat à compter du ${formatDateLongFr(opens.value)}, comme le permet ${article('6.6')}, et d’engager les procédures de recouvrement nécessaires.`,
      'Si vous rencontrez une difficulté, nous vous invitons à prendre contact avec nous sans attendre afin de convenir d’une solution.',
    ],
    closing: CLOSING,
    deadlines: [payBy, opens],
  };
}

export function composeNonPaymentTermination(p: LetterParamsByKind['nonPaymentTermination'], settings: RuleSettings): LetterContent {
  const opens = terminationOpens(p.dueDate, settings);
  if (compareDates(p.letterDate, opens.value) < 0) {
    throw new DomainError('INVALID_INPUT', `La résiliation pour impayé n’est possible qu’à partir du ${formatDateFr(opens.value)} (§6.6).`);
  }
  const termination = immediateTermination(p.letterDate);
  const noticed = p.formalNoticeSentOn
    ? `Par lettre du ${formatDateLongFr(p.formalNoticeSentOn)}, nous vous avons mis en demeure de régler ${invoicePhrase(p)}, d’un montant de ${formatEuros(p.amountDueCents)} TTC.`
    : `Malgré nos relances, ${invoicePhrase(p)}, d’un montant de ${formatEuros(p.amountDueCents)} TTC, n’a pas été réglée.`;
  return {
    kind: 'nonPaymentTermination',
    subject: 'Résiliation du contrat pour défaut de paiement',
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      `${noticed} Cette somme demeure impayée à ce jour.`,
      `En conséquence, nous vous notifions la résiliation du contrat cité en référence ${termination.sentence}.`,
      `Cette résiliation ne vous libère pas des sommes dues : le montant de ${formatEuros(p.amountDueCents)} TTC reste exigible et, comme prévu, ${LATE_PAYMENT_TERMS}.`,
      ...termination.paragraphs,
    ],
    closing: CLOSING,
    deadlines: termination.deadlines,
  };
}
