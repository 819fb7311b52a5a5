import { compareDates } from '../dates';
import { forceMajeureTerminationEffectiveDateExplained, forceMajeureTerminationOpensOnExplained } from '../lifecycle';
import { message, refusalError } from '../messages';
import type { LetterParamsByKind } from './params';
import { CLOSING, SALUTATION, article, contractLine, deadline, longDate } from './phrasing';
import { terminationAftermath } from './termination';
import type { LetterContent } from './types';

/** Force majeure over 30 consecutive days (§7.4): termination effective 8 days after this letter is sent. */
export function composeForceMajeureTermination(p: LetterParamsByKind['forceMajeureTermination']): LetterContent {
  const opensOn = forceMajeureTerminationOpensOnExplained(p.startedOn);
  if (compareDates(p.letterDate, opensOn.value) < 0) {
    throw refusalError('INVALID_INPUT', message('refusal.letter.forceMajeureTooEarly', { date: { date: opensOn.value } }));
  }
  const effective = forceMajeureTerminationEffectiveDateExplained(p.letterDate);
  const after = terminationAftermath(effective.value);
  return {
    kind: 'forceMajeureTermination',
    subject: 'Résiliation du contrat pour force majeure',
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      `Depuis ${longDate(p.startedOn)}, l’exécution du contrat cité en référence est empêchée par un cas de force majeure au sens de ${article('7.4')} et de l’article 1218 du Code civil : ${p.event}.`,
      `Cet empêchement dure depuis plus de 30 jours consécutifs, ce qui ouvre droit, depuis ${longDate(opensOn.value)}, à la résiliation de plein droit du contrat par l’une ou l’autre des parties.`,
      `Nous vous notifions par la présente notre décision de résilier le contrat. Conformément à ${article('7.4')}, la résiliation prendra effet ${longDate(effective.value)}, huit jours après l’envoi de la présente lettre recommandée avec avis de réception.`,
      ...after.paragraphs,
      'Nous regrettons cette issue, indépendante de notre volonté, et restons à votre disposition pour faciliter la récupération de vos données.',
    ],
    closing: CLOSING,
    deadlines: [
      deadline(message('deadline.terminationOpens'), opensOn),
      deadline(message('deadline.effective'), effective),
      ...after.deadlines,
    ],
  };
}
