import { addMonthsToYearMonth, parseYearMonth, type IsoDate, type YearMonth } from '../dates';
import type { Explained } from '../explain';
import { message, refusalError, type Message } from '../messages';
import { overConsumption, type OverConsumption, type PriceLists, type UsageQuantities } from '../pricing';
import type { RuleSettings } from '../settings';
import { singleLine, type BillingLine } from './lines';
import { invoiceMentions } from './mentions';
import { monthlyLines } from './monthly-lines';
import { billingPeriod, dueDate, invoiceDate, isBilledMonth, isLateIssue, type BillingContract, type BillingPeriod } from './periods';
import { invoiceTotals, type ComputedTotals } from './totals';
import { vatRegimeExplained, type VatClient, type VatRegime } from './vat';

/** A month's usage of the contract; tier and list default to the contract's (they differ after a switch). */
export interface PreviousMonthUsage extends UsageQuantities {
  month: YearMonth;
  tierId?: string;
  priceListId?: string;
}

export interface InvoiceDraftInput {
  contract: BillingContract;
  client: VatClient;
  month: YearMonth;
  /** The stored price lists the contract's `priceListId` is read from. */
  lists: PriceLists;
  /** Usage of month M − 1: its over-consumption is regularised on this invoice. */
  previousMonthUsage?: PreviousMonthUsage;
  /**
   * Earlier measured months over the limits not regularised yet (DOMAIN.md: any
   * past overrun is proposed on the next run): one supplement line each, oldest first.
   */
  earlierMonthsUsage?: readonly PreviousMonthUsage[];
  settings?: Pick<RuleSettings, 'paymentTermDays'>;
  /** The day the run is computed: the invoice is dated the day it is issued, never backdated. */
  issuedOn?: IsoDate;
}

/** An invoice before issuing: no number yet (drafts have none, DOMAIN.md). */
export interface InvoiceDraft {
  contractId: string;
  month: YearMonth;
  /** Service period printed on the invoice. */
  period: BillingPeriod;
  issueDate: Explained<IsoDate>;
  dueDate: Explained<IsoDate>;
  /** Issued after the month's earliest day: flagged "émission tardive" in the run's preview. */
  lateIssue: boolean;
  vat: Explained<VatRegime>;
  lines: BillingLine[];
  totals: ComputedTotals;
  mentions: string[];
  /** For the account manager: VAT data to fix (a code), hors grille usage (src-core's French flag). */
  warnings: (Message | string)[];
  overConsumption: OverConsumption | null;
}

function previousMonthReview(input: InvoiceDraftInput): OverConsumption | null {
  const usage = input.previousMonthUsage;
  if (!usage) return null;
  const expected = addMonthsToYearMonth(input.month, -1);
  if (usage.month !== expected || !isBilledMonth(input.contract, expected)) {
    throw refusalError('INVALID_INPUT', message('refusal.draft.previousMonth', { month: { month: input.month }, billed: { month: expected }, given: usage.month }));
  }
  return reviewOf(input.contract, usage, input.lists);
}

/** Earlier months' reviews: each a billed month before M − 1. */
function earlierReviews(input: InvoiceDraftInput): OverConsumption[] {
  const before = addMonthsToYearMonth(input.month, -1);
  return (input.earlierMonthsUsage ?? []).map((usage) => {
    if (usage.month >= before || !isBilledMonth(input.contract, usage.month)) {
      throw refusalError('INVALID_INPUT', message('refusal.draft.earlierMonth', { month: { month: input.month }, usage: { month: usage.month }, before: { month: before } }));
    }
    return reviewOf(input.contract, usage, input.lists);
  });
}

function reviewOf(contract: BillingContract, usage: PreviousMonthUsage, lists: PriceLists): OverConsumption {
  return overConsumption({
    month: usage.month,
    usage,
    tierId: usage.tierId ?? contract.tier,
    priceListId: usage.priceListId ?? contract.priceListId,
    lists,
    contractStartDate: contract.startDate,
    terminationEffectiveDate: contract.terminationEffectiveDate,
  });
}

/**
 * The invoice draft of one contract for month M (§1, §5.1, §5.3): the
 * subscription line, the regularisation of M − 1's over-consumption, the VAT
 * regime, totals, due date and mentions. Null when there is nothing to bill.
 * The month after the termination's effective month has no subscription line,
 * but an over-consumption of the last month is still owed (§6.1): it is billed
 * alone on that month's date, for the last month's period.
 */
export function buildInvoiceDraft(input: InvoiceDraftInput): InvoiceDraft | null {
  const { contract, month } = input;
  parseYearMonth(month);
  const vat = vatRegimeExplained(input.client);
  const rate = vat.value.ratePercent;
  const review = previousMonthReview(input);
  const reviews = [...earlierReviews(input), ...(review ? [review] : [])];
  const base = monthlyLines(contract, month, rate, input.lists);
  const supplement = reviews.flatMap((r) => (r.supplement ? [singleLine(r.supplement.label, r.supplement.amount, rate)] : []));
  const lines = [...base, ...supplement];
  if (lines.length === 0) return null;
  const issueDate = invoiceDate(contract, month, input.issuedOn);
  return {
    contractId: contract.id,
    month,
    period: billingPeriod(base.length > 0 ? month : addMonthsToYearMonth(month, -1)),
    issueDate,
    dueDate: dueDate(issueDate.value, contract.paymentTermDays, input.settings?.paymentTermDays),
    lateIssue: input.issuedOn !== undefined && isLateIssue(contract, month, input.issuedOn),
    vat,
    lines,
    totals: invoiceTotals(lines),
    mentions: invoiceMentions(vat.value),
    warnings: [vat.value.warning, ...reviews.map((r) => r.flag)].filter((w) => w !== null),
    overConsumption: review,
  };
}
