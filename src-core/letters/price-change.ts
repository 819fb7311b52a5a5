import { formatDateLongFr } from '../dates';
import { assertNewPricesFrom, priceChangeDatesExplained, priceChangeObjectionTerminationDateExplained } from '../lifecycle';
import { explainedMessage } from '../explain';
import { message } from '../messages';
import { formatEuros } from '../money';
import type { RuleSettings } from '../settings';
import type { LetterParamsByKind } from './params';
import { AVAILABILITY, CLOSING, SALUTATION, article, contractLine, deadline, longDate, receiptBasis } from './phrasing';
import type { LetterContent } from './types';

/**
 * Price change notice (§5.2): new prices from a first of month at least 60 days
 * after receipt; the client may object within 30 days of receipt, which ends the
 * contract without penalty the day before the new prices apply.
 */
export function composePriceChange(p: LetterParamsByKind['priceChange'], settings: RuleSettings): LetterContent {
  const receipt = receiptBasis(p.letterDate, p.receivedOn, settings, '§5.2');
  const received = receipt.deadline.value;
  const { earliestEffective, objectionDeadline } = priceChangeDatesExplained(received, { alsaceMoselle: settings.alsaceMoselle });
  const effective = p.effectiveFrom ? assertNewPricesFrom(received, p.effectiveFrom) : earliestEffective.value;
  const objectionEnd = priceChangeObjectionTerminationDateExplained(effective);
  const from = formatDateLongFr(effective);
  return {
    kind: 'priceChange',
    subject: 'Avis de modification de vos tarifs',
    contractReference: contractLine(p.contract),
    salutation: SALUTATION,
    paragraphs: [
      `Conformément à ${article('5.2')}, nous vous informons que les tarifs de votre abonnement évoluent en raison de ${p.reason}.`,
      ...p.prices.map(
        (price) => `– ${price.label} : ${formatEuros(price.currentCents)} HT par mois actuellement, ${formatEuros(price.newCents)} HT par mois à compter du ${from}.`,
      ),
      `Ces nouveaux tarifs s’appliqueront à compter du ${from}, soit au moins 60 jours après la réception du présent avis (réception ${receipt.phrase}).`,
      `Si vous n’acceptez pas cette modification, vous pouvez résilier le contrat sans pénalité en nous adressant une notification écrite au plus tard ${longDate(objectionDeadline.value)}, dans les 30 jours suivant la réception du présent avis. La résiliation prendrait alors effet ${longDate(objectionEnd.value)}, veille de l’application des nouveaux tarifs.`,
      `À défaut, les nouveaux tarifs seront réputés acceptés et s’appliqueront à compter du ${from}.`,
      AVAILABILITY,
    ],
    closing: CLOSING,
    deadlines: [
      receipt.deadline,
      deadline(message('deadline.objectionBy'), objectionDeadline),
      effective === earliestEffective.value
        ? deadline(message('deadline.newPrices'), earliestEffective)
        : deadline(message('deadline.newPrices'), explainedMessage(effective, '§5.2', message('rule.letter.chosenPrices', { date: { longDate: earliestEffective.value } }))),
      deadline(message('deadline.objectionTermination'), objectionEnd),
    ],
  };
}
