import { compareDates, formatDateFr, formatMonthFr, yearMonthOf, type IsoDate, type YearMonth } from '../dates';
import { DomainError } from '../errors';
import { formatEuros, type Cents } from '../money';
import { tierForMonth, type Contract } from '../model/contract';
import type { TierCode } from '../model/priceList';
import { getTier } from '../pricing/price-lists';
import { contractStateAt, contractTerms, priceInForce } from './contract-state';

/**
 * A tier change the account manager is about to apply (DOMAIN.md: confirmation
 * first; never retroactive without saying so): from which first of month, the
 * monthly price before and after, and whether that date is already past.
 */
export interface TierChangePlan {
  fromMonth: YearMonth;
  from: IsoDate;
  fromTier: TierCode;
  toTier: TierCode;
  currentPriceCents: Cents;
  newPriceCents: Cents;
  differenceCents: Cents;
  /** The first day is before today: months already begun (or billed) change. */
  retroactive: boolean;
  /** One French sentence for the confirmation and the timeline. */
  rule: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function planTierChange(contract: Contract, toTier: TierCode, fromMonth: YearMonth, today: IsoDate): TierChangePlan {
  if (!MONTH.test(fromMonth)) throw new DomainError('INVALID_DATE', `Mois invalide : « ${fromMonth} » (format attendu AAAA-MM).`);
  const terms = contractTerms(contract);
  const from = `${fromMonth}-01`;
  const fromTier = tierForMonth(contract, fromMonth);
  if (fromTier === toTier) throw new DomainError('INVALID_TRANSITION', `Le contrat ${contract.reference} est déjà en formule ${toTier} en ${formatMonthFr(fromMonth)}.`);
  const state = contractStateAt(terms, today);
  if (state.status === 'terminated' || state.status === 'draft') {
    throw new DomainError('INVALID_TRANSITION', `Changement de formule impossible : le contrat ${contract.reference} n'est pas en cours (${state.rule})`);
  }
  if (fromMonth < yearMonthOf(contract.startDate)) throw new DomainError('INVALID_DATE', `Le changement de formule ne peut pas précéder le début du contrat (${formatDateFr(contract.startDate)}).`);
  if (terms.end && compareDates(from, terms.end.value) > 0) {
    throw new DomainError('INVALID_DATE', `Le changement de formule du ${formatDateFr(from)} suivrait la fin du contrat (${formatDateFr(terms.end.value)}).`);
  }
  if (contract.history.some((e) => e.kind === 'tier_change' && e.fromMonth > fromMonth)) throw new DomainError('INVALID_TRANSITION', 'Un changement de formule postérieur est déjà enregistré.');
  const currentPriceCents = priceInForce(terms, fromMonth).price.value;
  const newPriceCents = getTier(toTier, contract.priceListId).priceCents;
  const differenceCents = newPriceCents - currentPriceCents;
  const retroactive = compareDates(from, today) < 0;
  const sign = differenceCents >= 0 ? '+' : '−';
  return {
    fromMonth,
    from,
    fromTier,
    toTier,
    currentPriceCents,
    newPriceCents,
    differenceCents,
    retroactive,
    rule: `Formule ${fromTier} (${formatEuros(currentPriceCents)} HT) → ${toTier} (${formatEuros(newPriceCents)} HT) à compter du ${formatDateFr(from)}, soit ${sign}${formatEuros(Math.abs(differenceCents))} HT par mois (§5.1)${retroactive ? ` ; date antérieure au ${formatDateFr(today)} : changement rétroactif` : ''}.`,
  };
}
