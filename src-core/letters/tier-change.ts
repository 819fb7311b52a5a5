import { formatDateLongFr, formatMonthFr, parseIsoDate } from '../dates';
import { formatEuros } from '../money';
import { explainedMessage } from '../explain';
import { message, refusalError } from '../messages';
import type { LetterParamsByKind } from './params';
import { AVAILABILITY, CLOSING, SALUTATION, article, contractLine, deadline, onLetterDate } from './phrasing';
import type { LetterContent } from './types';

/**
 * Tier change after a month over the limits (§5.1, §6.1): the covering tier
 * from the proposed first of month, the monthly difference, and the supplement
 * already computed by the over-consumption rule for the month concerned.
 */
export function composeTierChange(p: LetterParamsByKind['tierChange']): LetterContent {
  if (parseIsoDate(p.effectiveFrom).day !== 1) {
    throw refusalError('INVALID_INPUT', message('refusal.letter.tierChangeFirstDay'));
  }
  const month = formatMonthFr(p.month);
  const from = formatDateLongFr(p.effectiveFrom);
  const difference = p.newTier.priceCents - p.currentTier.priceCents;
  return {
    kind: 'tierChange',
    subject: `Changement de formule suite au dépassement de ${month}`,
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      `Le relevé de consommation de ${month} fait apparaître un dépassement des limites de votre formule ${p.currentTier.id} (${formatEuros(p.currentTier.priceCents)} HT par mois) :`,
      ...p.overLimits.map((line) => `– ${line}`),
      `Conformément à ${article('5.1')}, qui prévoit le passage à la formule supérieure correspondant à votre consommation, votre abonnement ${onLetterDate(p.letterDate, p.effectiveFrom, { past: 'est passé', future: 'passera' })} à la formule ${p.newTier.id} à compter du ${from}, au tarif de ${formatEuros(p.newTier.priceCents)} HT par mois, soit une différence de ${formatEuros(difference)} HT par mois.`,
      `Conformément à ${article('6.1')}, le dépassement de ${month} fera l’objet d’une régularisation de ${formatEuros(p.supplementCents)} HT sur votre prochaine facture, égale à la différence entre le prix de la formule couvrant votre consommation et celui de votre formule pour ce mois.`,
      `Si vous souhaitez réduire votre consommation ou étudier une autre solution, nous vous invitons à prendre contact avec nous. ${AVAILABILITY}`,
    ],
    closing: CLOSING,
    deadlines: [
      deadline(message('deadline.newTier'), explainedMessage(p.effectiveFrom, '§5.1', message('rule.letter.newTier', { tier: p.newTier.id, month: { month: p.month } }))),
    ],
  };
}
