import { addMonthsToYearMonth, type IsoDate, type YearMonth } from '../dates';
import { tierForMonth, usageOfMonth, type Client, type Contract, type Invoice, type UsageDocument } from '../model';
import type { RuleSettings } from '../settings';
import { contractTerms, isBilledIn, priceInForce } from '../lifecycle/contract-state';
import { isRegularisationLabel, monthsOverLimit, regularisationLabel, type OverConsumption, type PriceLists } from '../pricing';
import { termsMonthOverrun } from './overrun-facts';
import { buildInvoiceDraft, type InvoiceDraft, type PreviousMonthUsage } from './invoice-draft';
import { isBilledMonth, type BillingContract } from './periods';

/**
 * Which past overruns a run may still regularise (DOMAIN.md: any past month
 * over the limits not yet regularised is proposed on the next run): the months
 * already regularised on a stored invoice of the contract, and the first month
 * the app can judge — the month before the contract's first invoice it holds
 * (earlier months were billed outside it), or, with no invoice at all,
 * `REGULARISATION_LOOKBACK_MONTHS` before the run's previous month.
 */
export interface PastRegularisations {
  regularised: ReadonlySet<YearMonth>;
  firstInvoicedMonth?: YearMonth;
}

/** Decision: with no invoice history, the three measured months before the run (M − 3 … M − 1) are looked at. */
export const REGULARISATION_LOOKBACK_MONTHS = 3;

/**
 * `invoice` with only the lines that can regularise a month (none: it
 * regularises nothing), as `regularisedMonths` reads them: what a caller
 * holding many invoices keeps in memory to judge overruns later.
 */
export function regularisingLines<I extends Pick<Invoice, 'lines'>>(invoice: I): I {
  return { ...invoice, lines: invoice.lines.filter((l) => isRegularisationLabel(l.label)) };
}

/** The months regularised by `invoices` (their "Régularisation dépassement <mois>" lines) among `months`. */
export function regularisedMonths(invoices: readonly Pick<Invoice, 'lines'>[], months: readonly YearMonth[]): Set<YearMonth> {
  const labels = new Set(invoices.flatMap((i) => i.lines.map((l) => l.label)));
  return new Set(months.filter((m) => labels.has(regularisationLabel(m))));
}

/**
 * The measured months before M − 1 over the limits of the tier billed then,
 * billed, not regularised yet and inside the window of `past`, oldest first.
 */
export function earlierOverruns(contract: Contract, usage: UsageDocument | undefined, month: YearMonth, past: PastRegularisations, lists: PriceLists): PreviousMonthUsage[] {
  if (!usage) return [];
  const terms = contractTerms(contract);
  const previous = addMonthsToYearMonth(month, -1);
  const since = past.firstInvoicedMonth ? addMonthsToYearMonth(past.firstInvoicedMonth, -1) : addMonthsToYearMonth(month, -REGULARISATION_LOOKBACK_MONTHS);
  const candidates = usage.months.filter((m) => m.month >= since && m.month < previous && isBilledIn(terms, m.month) && !past.regularised.has(m.month));
  return monthsOverLimit(contract, candidates, lists).map((o) => ({ ...usageOfMonth(usage, o.month)!, tierId: tierForMonth(contract, o.month) }));
}

/**
 * A stored contract's invoice draft for `month` (§1, §5.1, §5.2, §6.1), read
 * from its state (`contractTerms`): billed up to the month of its end date,
 * at the tier and price in force that month (a tier change from its month, a
 * received price change from its effective date), with the previous month's
 * usage measured against the tier of that month and, given `past`, the
 * earlier overruns not regularised yet. Null when nothing is billed; a rule
 * that refuses the contract throws its DomainError, which the monthly run
 * reports as a problem.
 */
export function contractMonthDraft(
  contract: Contract,
  client: Pick<Client, 'country' | 'vatNumber'>,
  usage: UsageDocument | undefined,
  month: YearMonth,
  /** The stored price lists (read once per run, not per contract). */
  lists: PriceLists,
  settings?: Pick<RuleSettings, 'paymentTermDays'>,
  past?: PastRegularisations,
  /** The day the run is computed (the invoice's date if issued then); omitted, the month's earliest day. */
  issuedOn?: IsoDate,
): InvoiceDraft | null {
  const terms = contractTerms(contract);
  if (terms.status === 'draft') return null;
  const inForce = priceInForce(terms, month, lists);
  const billing: BillingContract = {
    id: contract.id,
    tier: inForce.tier,
    ...(inForce.version ? { price: inForce.price } : {}),
    priceListId: contract.priceListId,
    startDate: contract.startDate,
    ...(terms.end ? { terminationEffectiveDate: terms.end.value } : {}),
    ...(contract.paymentTermDays !== undefined ? { paymentTermDays: contract.paymentTermDays } : {}),
  };
  const previous = addMonthsToYearMonth(month, -1);
  const previousUsage = usage && isBilledMonth(billing, previous) && !past?.regularised.has(previous) ? usageOfMonth(usage, previous) : undefined;
  const earlier = past ? earlierOverruns(contract, usage, month, past, lists) : [];
  return buildInvoiceDraft({
    contract: billing,
    client: { country: client.country, ...(client.vatNumber ? { vatNumber: client.vatNumber } : {}) },
    month,
    lists,
    ...(previousUsage ? { previousMonthUsage: { ...previousUsage, tierId: tierForMonth(contract, previous) } } : {}),
    ...(earlier.length > 0 ? { earlierMonthsUsage: earlier } : {}),
    ...(settings ? { settings } : {}),
    ...(issuedOn ? { issuedOn } : {}),
  });
}

/**
 * The over-consumption of a stored contract in a measured month (§5.1, §6.1),
 * judged against the tier billed then, or null when the month is not
 * measured, not billed, or within the limits.
 */
export function contractMonthOverrun(contract: Contract, usage: UsageDocument | undefined, month: YearMonth, lists: PriceLists): OverConsumption | null {
  return termsMonthOverrun(contractTerms(contract), usage ? usageOfMonth(usage, month) : undefined, month, lists);
}

/** The buyer as printed on a document: an issued invoice keeps the address of its date. */
export function buyerSnapshot(client: Client): NonNullable<Invoice['buyer']> {
  return {
    legalName: client.legalName,
    ...(client.siren ? { siren: client.siren } : {}),
    ...(client.vatNumber ? { vatNumber: client.vatNumber } : {}),
    country: client.country,
    addressLines: client.billingAddress.lines,
    postalCode: client.billingAddress.postalCode,
    city: client.billingAddress.city,
  };
}
