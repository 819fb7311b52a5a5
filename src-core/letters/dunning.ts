import { compareDates, formatDateFr, formatDateLongFr, type IsoDate } from '../dates';
import { FIXED_RECOVERY_INDEMNITY_CENTS, lateSurchargeCents } from '../billing';
import { actionDeadline } from '../calendar';
import { nonPaymentTerminationOpensOn, presumedReceiptDate, type DunningStep } from '../lifecycle';
import { explainedMessage } from '../explain';
import { message, refusalError } from '../messages';
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
/** "n° F-2026-000001 du 01/10/2026, échue le 31 octobre 2026". */
function invoiceDescription(p: UnpaidInvoice): string {
  return `n° ${p.invoiceNumber} du ${formatDateFr(p.invoiceDate)}, échue ${longDate(p.dueDate)}`;
}

function invoicePhrase(p: UnpaidInvoice): string {
  return `la facture ${invoiceDescription(p)}`;
}

/** From this date the contract may be terminated for non-payment (lifecycle dunning rule, §6.6). */
function terminationOpens(dueDate: IsoDate, settings: RuleSettings): LetterDeadline {
  return deadline(
    message('deadline.nonPaymentOpens'),
    explainedMessage(nonPaymentTerminationOpensOn(dueDate, settings), '§6.6', message('rule.letter.nonPaymentOpens', { due: { date: dueDate }, days: settings.dunningTerminationDays })),
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
    deadlines: [deadline(message('deadline.invoiceDue'), explainedMessage(p.dueDate, '§6.1', message('rule.letter.invoiceDue')))],
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
  const rule = p.receivedOn
    ? message('rule.letter.paymentByReceived', { receipt: { date: receipt }, days })
    : message('rule.letter.paymentByPresumed', { receipt: { date: receipt }, presumed: { message: message('rule.count.days', { days: settings.presumedReceiptDays }) }, days });
  return deadline(message('deadline.paymentBy'), explainedMessage(actionDeadline(receipt, days, settings), '§6.6', rule));
}

/** The invoices a formal notice (or the termination that follows it) names, the oldest due first. */
export function formalNoticeInvoices(p: LetterParamsByKind['formalNotice'] | LetterParamsByKind['nonPaymentTermination']): UnpaidInvoice[] {
  const first = { contract: p.contract, letterDate: p.letterDate, invoiceNumber: p.invoiceNumber, invoiceDate: p.invoiceDate, dueDate: p.dueDate, amountDueCents: p.amountDueCents };
  return [first, ...(p.otherInvoices ?? []).map((i) => ({ ...i, contract: p.contract, letterDate: p.letterDate }))];
}

/**
 * The sums a formal notice claims, from the balances of the invoices it names
 * (read from the ledger, never typed): the §6.6 surcharge, 50 % of each unpaid
 * balance as its surcharge document computes it, and the recovery indemnity
 * due for each invoice paid late (D441-5).
 */
export function formalNoticeSums(p: LetterParamsByKind['formalNotice']) {
  const invoices = formalNoticeInvoices(p);
  const dueCents = invoices.reduce((s, i) => s + i.amountDueCents, 0);
  const surchargeCents = invoices.reduce((s, i) => s + lateSurchargeCents(i.amountDueCents), 0);
  const indemnityCents = invoices.length * FIXED_RECOVERY_INDEMNITY_CENTS;
  return { invoices, dueCents, surchargeCents, indemnityCents, totalCents: dueCents + surchargeCents + indemnityCents };
}

/**
 * Mise en demeure: the balances of the invoices it names, their total, the §6.6
 * surcharge computed on them and the indemnity, the last day to pay, and the
 * termination it may lead to (from the oldest due date). "Malgré notre
 * relance" only when a reminder was sent.
 */
export function composeFormalNotice(p: LetterParamsByKind['formalNotice'], settings: RuleSettings): LetterContent {
  const { invoices, dueCents, surchargeCents, indemnityCents, totalCents } = formalNoticeSums(p);
  const oldestDue = invoices.map((i) => i.dueDate).sort(compareDates)[0]!;
  const opens = terminationOpens(oldestDue, settings);
  const payBy = paymentDeadline(p, settings);
  const despite = p.reminderSentOn ? `Malgré notre relance du ${formatDateLongFr(p.reminderSentOn)}` : 'Sauf erreur ou omission de notre part';
  const several = invoices.length > 1;
  const indemnity = several
    ? `les indemnités forfaitaires pour frais de recouvrement de ${formatEuros(FIXED_RECOVERY_INDEMNITY_CENTS)} par facture, soit ${formatEuros(indemnityCents)}`
    : `l’indemnité forfaitaire pour frais de recouvrement de ${formatEuros(FIXED_RECOVERY_INDEMNITY_CENTS)}`;
  const unpaid = several
    ? [
        `${despite}, les factures suivantes restent impayées, pour un montant total de ${formatEuros(dueCents)} TTC :`,
        ...invoices.map((i) => `— ${invoicePhrase(i)} : ${formatEuros(i.amountDueCents)} TTC restant dus ;`),
      ]
    : [`${despite}, ${invoicePhrase(p)}, reste impayée pour un montant de ${formatEuros(dueCents)} TTC.`];
  return {
    kind: 'formalNotice',
    subject: several ? `Mise en demeure de payer — factures n° ${invoices.map((i) => i.invoiceNumber).join(', ')}` : `Mise en demeure de payer — facture n° ${p.invoiceNumber}`,
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      ...unpaid,
      `Par la présente, nous vous mettons en demeure de régler ${several ? `ces sommes, soit ${formatEuros(dueCents)} TTC,` : 'cette somme'} au plus tard ${longDate(payBy.value)}.`,
      `Conformément à ${article('6.6')}, ce retard entraîne une majoration de 50 % du montant impayé, soit ${formatEuros(surchargeCents)}, à laquelle s’ajoute${several ? 'nt' : ''} ${indemnity} (articles L441-10 et D441-5 du Code de commerce) ; ces sommes, soit au total ${formatEuros(totalCents)} avec ${several ? 'les factures' : 'la facture'}, font l’objet d’un document distinct.`,
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
    throw refusalError('INVALID_INPUT', message('refusal.letter.nonPaymentTooEarly', { date: { date: opens.value } }));
  }
  const termination = immediateTermination(p.letterDate);
  // Every invoice the formal notice named, each with its balance, as it named them.
  const invoices = formalNoticeInvoices(p);
  const dueCents = invoices.reduce((s, i) => s + i.amountDueCents, 0);
  const named = invoices.length > 1 ? `les factures ${invoices.map((i) => `${invoiceDescription(i)} (${formatEuros(i.amountDueCents)} TTC)`).join(', ')}` : invoicePhrase(p);
  const noticed = p.formalNoticeSentOn
    ? `Par lettre du ${formatDateLongFr(p.formalNoticeSentOn)}, nous vous avons mis en demeure de régler ${named}, d’un montant ${invoices.length > 1 ? 'total ' : ''}de ${formatEuros(dueCents)} TTC.`
    : `Malgré nos relances, ${named}, d’un montant ${invoices.length > 1 ? 'total ' : ''}de ${formatEuros(dueCents)} TTC, ${invoices.length > 1 ? 'n’ont pas été réglées' : 'n’a pas été réglée'}.`;
  return {
    kind: 'nonPaymentTermination',
    subject: 'Résiliation du contrat pour défaut de paiement',
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      `${noticed} Cette somme demeure impayée à ce jour.`,
      `En conséquence, nous vous notifions la résiliation du contrat cité en référence ${termination.sentence}.`,
      `Cette résiliation ne vous libère pas des sommes dues : le montant de ${formatEuros(dueCents)} TTC reste exigible et, comme prévu, ${LATE_PAYMENT_TERMS}.`,
      ...termination.paragraphs,
    ],
    closing: CLOSING,
    deadlines: termination.deadlines,
  };
}

/** The invoice numbers a stored dunning letter names (a formal notice may name several). */
export function dunnedInvoiceNumbers(params: Readonly<Record<string, string | number | boolean | null>>): string[] {
  return Object.entries(params).flatMap(([key, value]) => ((key === 'invoiceNumber' || /^otherInvoices\.\d+\.invoiceNumber$/.test(key)) && typeof value === 'string' ? [value] : []));
}
