import { addMonthsToYearMonth, type IsoDate, type YearMonth } from '../dates';
import { tierForMonth, usageOfMonth, type Client, type Contract, type Invoice, type UsageDocument } from '../model';
import type { RuleSettings } from '../settings';
import { buildInvoiceDraft, type InvoiceDraft } from './invoice-draft';
import { isBilledMonth, type BillingContract } from './periods';

/**
 * A stored contract's invoice draft for `month` (§1, §5.1, §6.1): billed at the
 * tier that applied that month (a tier change takes effect from its month),
 * with the previous month's usage measured against the tier of that month.
 * Null when nothing is billed; a rule that refuses the contract throws its
 * DomainError, which the monthly run reports as a problem.
 */
export function contractMonthDraft(
  contract: Contract,
  client: Pick<Client, 'country' | 'vatNumber'>,
  usage: UsageDocument | undefined,
  month: YearMonth,
  settings?: Pick<RuleSettings, 'paymentTermDays'>,
  /** The day the run is computed (the invoice's date if issued then); omitted, the month's earliest day. */
  issuedOn?: IsoDate,
): InvoiceDraft | null {
  const billing: BillingContract = {
    id: contract.id,
    tier: tierForMonth(contract, month),
    priceListId: contract.priceListId,
    startDate: contract.startDate,
    ...(contract.terminationEffectiveDate ? { terminationEffectiveDate: contract.terminationEffectiveDate } : {}),
    ...(contract.paymentTermDays !== undefined ? { paymentTermDays: contract.paymentTermDays } : {}),
  };
  const previous = addMonthsToYearMonth(month, -1);
  const previousUsage = usage && isBilledMonth(billing, previous) ? usageOfMonth(usage, previous) : undefined;
  return buildInvoiceDraft({
    contract: billing,
    client: { country: client.country, ...(client.vatNumber ? { vatNumber: client.vatNumber } : {}) },
    month,
    ...(previousUsage ? { previousMonthUsage: { ...previousUsage, tierId: tierForMonth(contract, previous) } } : {}),
    ...(settings ? { settings } : {}),
    ...(issuedOn ? { issuedOn } : {}),
  });
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
