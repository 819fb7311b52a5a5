import { compareDates, formatDateLongFr } from '../dates';
import { breachCureDeadlineExplained, breachTerminationOpensOn } from '../lifecycle';
import { message, refusalError } from '../messages';
import type { RuleSettings } from '../settings';
import type { LetterParamsByKind } from './params';
import { CLOSING, SALUTATION, article, contractLine, deadline, longDate, receiptBasis } from './phrasing';
import { immediateTermination } from './termination';
import type { LetterContent } from './types';

/** Breach notice (§6.6): 30 calendar days from receipt to cure, then termination is possible. */
export function composeBreachNotice(p: LetterParamsByKind['breachNotice'], settings: RuleSettings): LetterContent {
  const receipt = receiptBasis(p.letterDate, p.receivedOn, settings, '§6.6');
  const cure = breachCureDeadlineExplained(receipt.deadline.value, { alsaceMoselle: settings.alsaceMoselle });
  return {
    kind: 'breachNotice',
    subject: 'Notification d’un manquement contractuel',
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      `Nous avons constaté le manquement suivant à vos obligations au titre du contrat cité en référence : ${p.description}`,
      `Conformément à ${article('6.6')}, nous vous demandons d’y remédier dans un délai de 30 jours civils à compter de la réception de la présente notification (réception ${receipt.phrase}), soit au plus tard ${longDate(cure.value)}.`,
      'À défaut de régularisation dans ce délai, le contrat pourra être résilié avec effet immédiat.',
      'Nous restons à votre disposition pour convenir ensemble des mesures permettant de régulariser la situation.',
    ],
    closing: CLOSING,
    deadlines: [receipt.deadline, deadline(message('deadline.cureBy'), cure)],
  };
}

/** Termination after the cure period of a breach notice has run out without cure (§6.6). */
export function composeBreachTermination(p: LetterParamsByKind['breachTermination'], settings: RuleSettings): LetterContent {
  const holidays = { alsaceMoselle: settings.alsaceMoselle };
  const cure = breachCureDeadlineExplained(p.breachNoticeReceivedOn, holidays);
  if (compareDates(p.letterDate, breachTerminationOpensOn(p.breachNoticeReceivedOn, holidays)) < 0) {
    throw refusalError('INVALID_INPUT', message('refusal.letter.breachTooEarly', { date: { date: cure.value } }));
  }
  const termination = immediateTermination(p.letterDate);
  return {
    kind: 'breachTermination',
    subject: 'Résiliation du contrat pour manquement non régularisé',
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      `Par lettre du ${formatDateLongFr(p.breachNoticeSentOn)}, reçue ${longDate(p.breachNoticeReceivedOn)}, nous vous avons notifié le manquement suivant : ${p.description}`,
      `Le délai de 30 jours civils prévu à ${article('6.6')} pour y remédier a expiré ${longDate(cure.value)} sans que la situation ait été régularisée.`,
      `En conséquence, nous vous notifions la résiliation du contrat cité en référence ${termination.sentence}.`,
      ...termination.paragraphs,
    ],
    closing: CLOSING,
    deadlines: [deadline(message('deadline.cureEnd'), cure), ...termination.deadlines],
  };
}
