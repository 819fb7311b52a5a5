import { compareDates, yearMonthOf, type IsoDate, type YearMonth } from '../dates';
import { message, messageFr, refusalError, type Message } from '../messages';
import type { Cents } from '../money';
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
  /** The same as a message code (issue 19), said in the interface's language. */
  said: Message;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What a tier change is judged on: the contract's terms and its reference (the read model keeps both). */
export type TierChangeSubject = ContractTerms & Pick<Contract, 'reference'>;

export function planTierChange(contract: Contract, toTier: TierCode, fromMonth: YearMonth, today: IsoDate, lists: PriceLists): TierChangePlan {
  return planTermsTierChange({ ...contractTerms(contract), reference: contract.reference }, toTier, fromMonth, today, lists);
}

/** `planTierChange` from the contract's terms: the overrun work list plans from the read model, without the contract record. */
export function planTermsTierChange(terms: TierChangeSubject, toTier: TierCode, fromMonth: YearMonth, today: IsoDate, lists: PriceLists): TierChangePlan {
  if (!MONTH.test(fromMonth)) throw refusalError('INVALID_DATE', message('refusal.tierChange.month', { month: fromMonth }));
  const from = `${fromMonth}-01`;
  const fromTier = tierForMonth(terms, fromMonth);
  if (fromTier === toTier) throw refusalError('INVALID_TRANSITION', message('refusal.tierChange.same', { reference: terms.reference, tier: toTier, month: { month: fromMonth } }));
  const state = contractStateAt(terms, today);
  if (state.status === 'terminated' || state.status === 'draft') {
    throw refusalError('INVALID_TRANSITION', message('refusal.tierChange.notRunning', { reference: terms.reference, state: { message: state.message } }));
  }
  if (fromMonth < yearMonthOf(terms.startDate)) throw refusalError('INVALID_DATE', message('refusal.tierChange.beforeStart', { start: { date: terms.startDate } }));
  if (terms.end && compareDates(from, terms.end.value) > 0) {
    throw refusalError('INVALID_DATE', message('refusal.tierChange.afterEnd', { from: { date: from }, end: { date: terms.end.value } }));
  }
  if (terms.history.some((e) => e.fromMonth > fromMonth)) throw refusalError('INVALID_TRANSITION', message('refusal.tierChange.later'));
  const currentPriceCents = priceInForce(terms, fromMonth, lists).price.value;
  const newPriceCents = getTier(toTier, terms.priceListId, lists).priceCents;
  const differenceCents = newPriceCents - currentPriceCents;
  const retroactive = compareDates(from, today) < 0;
  const said = message('rule.tierChange.plan', {
    from: fromTier, current: { cents: currentPriceCents }, to: toTier, next: { cents: newPriceCents }, date: { date: from },
    difference: { signedCents: differenceCents },
    retroactive: retroactive ? { message: message('rule.tierChange.retroactive', { today: { date: today } }) } : '',
  });
  return {
    fromMonth,
    from,
    fromTier,
    toTier,
    currentPriceCents,
    newPriceCents,
    differenceCents,
    retroactive,
    rule: messageFr(said),
    said,
  };
}
