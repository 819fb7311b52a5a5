import { daysInMonth, parseIsoDate, type IsoDate } from '../dates';
import { explained, type Explained } from '../explain';
import { assertNonNegativeCents, formatEuros, mulDivRound, type Cents } from '../money';

/**
 * First month prorated (§1): "la première facture sera calculée au prorata
 * temporis du nombre de jours restants jusqu'à la fin du mois calendaire".
 * The start day is billed, so days billed = days in month − start day + 1, and
 * the amount is price × days billed / days in month, rounded half away from zero.
 */
export interface Proration {
  daysBilled: number;
  daysInMonth: number;
  amountCents: Cents;
}

export function prorateFirstMonth(monthlyPriceCents: Cents, startDate: IsoDate): Proration {
  assertNonNegativeCents(monthlyPriceCents, 'monthlyPrice');
  const { year, month, day } = parseIsoDate(startDate);
  const days = daysInMonth(year, month);
  const daysBilled = days - day + 1;
  return { daysBilled, daysInMonth: days, amountCents: mulDivRound(monthlyPriceCents, daysBilled, days) };
}

/** "Premier mois au prorata : 99,00 € × 15/30 jours = 49,50 € (§1)." */
export function explainProration(monthlyPriceCents: Cents, proration: Proration): Explained<Cents> {
  const { daysBilled, daysInMonth: days, amountCents } = proration;
  return explained(
    amountCents,
    '§1',
    `Premier mois au prorata : ${formatEuros(monthlyPriceCents)} × ${daysBilled}/${days} jours = ${formatEuros(amountCents)} (§1).`,
  );
}
