import { formatDateLongFr, formatMonthFr, yearMonthOf, type IsoDate } from '../dates';
import { nonSolicitationEndExplained, terminationEffectiveDateExplained } from '../lifecycle';
import { explainedMessage } from '../explain';
import { message } from '../messages';
import type { LetterParamsByKind } from './params';
import { AVAILABILITY, CLOSING, DATA_RETRIEVAL, SALUTATION, article, contractLine, deadline, longDate, onLetterDate } from './phrasing';
import type { LetterContent, LetterDeadline } from './types';

/**
 * What every termination letter says after its effective date: access and data
 * (§3), and the non-solicitation that outlives the contract by 12 months (§6.2).
 */
export function terminationAftermath(effective: IsoDate): { paragraphs: string[]; deadlines: LetterDeadline[] } {
  const solicitation = nonSolicitationEndExplained(effective);
  return {
    paragraphs: [
      DATA_RETRIEVAL,
      `Nous vous rappelons que l’engagement réciproque de non-sollicitation du personnel prévu à ${article('6.2')} ` +
        `demeure applicable jusqu’au ${formatDateLongFr(solicitation.value)}, douze mois après la date d’effet de la résiliation.`,
    ],
    deadlines: [deadline(message('deadline.nonSolicitationEnd'), solicitation)],
  };
}

/** Our termination with immediate effect (§6.6): effective on the letter's date. */
export function immediateTermination(letterDate: IsoDate): { sentence: string; deadlines: LetterDeadline[]; paragraphs: string[] } {
  const after = terminationAftermath(letterDate);
  return {
    sentence: `avec effet immédiat, soit ${longDate(letterDate)}, date de la présente lettre, comme le permet ${article('6.6')}`,
    paragraphs: after.paragraphs,
    deadlines: [
      deadline(message('deadline.effective'), explainedMessage(letterDate, '§6.6', message('rule.letter.immediate', { date: { longDate: letterDate } }))),
      ...after.deadlines,
    ],
  };
}

const CHANNEL_FR = {
  registeredLetter: 'par lettre recommandée avec accusé de réception',
  email: 'par courrier électronique adressé à notre support',
} as const;

/** The client gave notice (§1): we confirm the effective date, the last month billed and what follows. */
export function composeTerminationAcknowledgement(p: LetterParamsByKind['terminationAcknowledgement']): LetterContent {
  const effective = terminationEffectiveDateExplained(p.noticeReceivedOn);
  const after = terminationAftermath(effective.value);
  // Acknowledged late, the effective date may already be past on the letter's date: said in the past.
  const tense = (past: string, future: string) => onLetterDate(p.letterDate, effective.value, { past, future });
  return {
    kind: 'terminationAcknowledgement',
    subject: 'Accusé de réception de votre demande de résiliation',
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      `Nous accusons réception de votre demande de résiliation du contrat cité en référence, reçue ${longDate(p.noticeReceivedOn)} ${CHANNEL_FR[p.channel]}.`,
      `La résiliation ${tense('a pris', 'prendra')} effet ${longDate(effective.value)}, à la fin du mois suivant la réception de votre préavis, conformément à ${article('1')}. ` +
        tense('Vos services sont restés pleinement accessibles jusqu’à cette date.', 'Vos services restent pleinement accessibles jusqu’à cette date.'),
      `Le mois de ${formatMonthFr(yearMonthOf(effective.value))}, au cours duquel la résiliation ${tense('a pris', 'prend')} effet, ${tense('est', 'sera')} facturé en totalité ; aucun remboursement partiel ne sera effectué pour la période déjà facturée.`,
      ...after.paragraphs,
      `Nous vous remercions de la confiance que vous nous avez accordée. ${AVAILABILITY}`,
    ],
    closing: CLOSING,
    deadlines: [deadline(message('deadline.effective'), effective), ...after.deadlines],
  };
}
