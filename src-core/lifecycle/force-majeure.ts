import { addDays, type IsoDate } from '../dates';
import { explained, type Explained } from '../explain';

/**
 * Force majeure lasting over 30 consecutive days opens a termination by either
 * party, effective eight days after the registered letter is sent (§7.4).
 * These are not deadlines to act, so they never move to a business day.
 */
const DURATION_DAYS = 30;
const LETTER_DELAY_DAYS = 8;

export function forceMajeureTerminationOpensOnExplained(eventStart: IsoDate): Explained<IsoDate> {
  return explained(
    addDays(eventStart, DURATION_DAYS),
    '§7.4',
    'Début de la force majeure + 30 jours : au-delà de 30 jours consécutifs, chaque partie peut résilier.',
  );
}

export function forceMajeureTerminationOpensOn(eventStart: IsoDate): IsoDate {
  return forceMajeureTerminationOpensOnExplained(eventStart).value;
}

export function forceMajeureTerminationEffectiveDateExplained(letterSent: IsoDate): Explained<IsoDate> {
  return explained(
    addDays(letterSent, LETTER_DELAY_DAYS),
    '§7.4',
    'Huit jours après l’envoi de la lettre recommandée notifiant la résiliation pour force majeure.',
  );
}

export function forceMajeureTerminationEffectiveDate(letterSent: IsoDate): IsoDate {
  return forceMajeureTerminationEffectiveDateExplained(letterSent).value;
}
