import { explained } from '../explain';
import { message, refusalError } from '../messages';
import { assertNonNegativeCents, formatEuros, mulDivRound, type Cents } from '../money';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../settings';
import { singleLine, type BillingLine } from './lines';

/**
 * Late payment (§6.6: "une majoration de 50 % pour couvrir les frais de
 * gestion"): 50 % of the unpaid amount TTC, on a document of its own. Both the
 * surcharge and the 40 € fixed recovery indemnity (C. com. L441-10, D441-5)
 * compensate a loss rather than pay for a service, hence outside the scope of
 * VAT: their lines carry a 0 % rate and the document the mention below.
 */
export const FIXED_RECOVERY_INDEMNITY_CENTS: Cents = 4000;
export const OUTSIDE_VAT_SCOPE_MENTION = 'Hors champ de la TVA : sommes à caractère indemnitaire, sans contrepartie d\u2019une prestation';

/** 50 % of the unpaid TTC, rounded half away from zero (§6.6). */
export function lateSurchargeCents(unpaidTotalCents: Cents): Cents {
  assertNonNegativeCents(unpaidTotalCents, 'unpaid');
  return mulDivRound(unpaidTotalCents, 1, 2);
}

/** The lines of the surcharge document for one unpaid invoice; the indemnity line follows the setting. */
export function lateSurchargeLines(
  invoiceNumber: string,
  unpaidTotalCents: Cents,
  settings: Pick<RuleSettings, 'recoveryIndemnityOnSurcharge'> = DEFAULT_RULE_SETTINGS,
): BillingLine[] {
  const surcharge = lateSurchargeCents(unpaidTotalCents);
  if (surcharge === 0) {
    throw refusalError('INVALID_AMOUNT', message('refusal.surcharge.nothingDue', { number: invoiceNumber }));
  }
  const lines = [
    singleLine(
      `Majoration de 50 % pour retard de paiement – facture ${invoiceNumber}`,
      explained(
        surcharge,
        '§6.6',
        `Majoration de retard : 50 % × ${formatEuros(unpaidTotalCents)} TTC impayés = ${formatEuros(surcharge)}, hors champ de la TVA (§6.6).`,
      ),
      0,
    ),
  ];
  if (!settings.recoveryIndemnityOnSurcharge) return lines;
  return [
    ...lines,
    singleLine(
      `Indemnité forfaitaire pour frais de recouvrement – facture ${invoiceNumber}`,
      explained(
        FIXED_RECOVERY_INDEMNITY_CENTS,
        '§6.6',
        `Indemnité forfaitaire de ${formatEuros(FIXED_RECOVERY_INDEMNITY_CENTS)} due par facture payée en retard, articles L441-10 et D441-5 du Code de commerce (§6.6).`,
      ),
      0,
    ),
  ];
}
