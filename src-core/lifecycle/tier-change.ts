import { compareDates, formatDateFr, formatMonthFr, yearMonthOf, type IsoDate, type YearMonth } from '../dates';
import { DomainError } from '../errors';
import { formatEuros, type Cents } from '../money';
import { tierForMonth, type Contract } from '../model/contract';
import type { TierCode } from '../model/priceList';
import { getTier, type PriceLists } from '../pricing/price-lists';
import { contractStateAt, contractTerms, priceInForce, type ContractTerms } from './contract-state';

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

/** What a tier change is judged on: the contract's terms and its reference (the read model keeps both). */
export type TierChangeSubject = ContractTerms & Pick<Contract, 'reference'>;

export function planTierChange(contract: Contract, toTier: TierCode, fromMonth: YearMonth, today: IsoDate, lists: PriceLists): TierChangePlan {
  return planTermsTierChange({ ...contractTerms(contract), reference: contract.reference }, toTier, fromMonth, today, lists);
}

/** `planTierChange` from the contract's terms: the overrun work list plans from the read model, without the contract record. */
export function planTermsTierChange(terms: TierChangeSubject, toTier: TierCode, fromMonth: YearMonth, today: IsoDate, lists: PriceLists): TierChangePlan {
  if (!MONTH.test(fromMonth)) throw new DomainError('INVALID_DATE', `Mois invalide : « ${fromMonth} » (format attendu AAAA-MM).`);
  const from = `${fromMonth}-01`;
  const fromTier = tierForMonth(terms, fromMonth);
  if (fromTier === toTier) throw new DomainError('INVALID_TRANSITION', `Le contrat ${terms.reference} est déjà en formule ${toTier} en ${formatMonthFr(fromMonth)}.`);
  const state = contractStateAt(terms, today);
  if (state.status === 'terminated' || state.status === 'draft') {
    throw new DomainError('INVALID_TRANSITION', `Changement de formule impossible : le contrat ${terms.reference} n'est pas en cours (${state.rule})`);
  }
  if (fromMonth < yearMonthOf(terms.startDate)) throw new DomainError('INVALID_DATE', `Le changement de formule ne peut pas précéder le début du contrat (${formatDateFr(terms.startDate)}).`);
  if (terms.end && compareDates(from, terms.end.value) > 0) {
    throw new DomainError('INVALID_DATE', `Le changement de formule du ${formatDateFr(from)} suivrait la fin du contrat (${formatDateFr(terms.end.value)}).`);
  }
  if (terms.history.some((e) => e.fromMonth > fromMonth)) throw new DomainError('INVALID_TRANSITION', 'Un changement de formule postérieur est déjà enregistré.');
  const currentPriceCents = priceInForce(terms, fromMonth, lists).price.value;
  const newPriceCents = getTier(toTier, terms.priceListId, lists).priceCents;
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
