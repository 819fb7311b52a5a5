import { formatDateFr, formatMonthFr, lastDayOfMonth, yearMonthOf, type YearMonth } from '../dates';
import { explained, explainedMessage } from '../explain';
import { message } from '../messages';
import { formatEuros } from '../money';
import { explainProration, getTier, prorateFirstMonth, type PriceLists } from '../pricing';
import { singleLine, type BillingLine } from './lines';
import { assertBillingContract, isBilledMonth, type BillingContract } from './periods';

/**
 * The subscription line of month M (§1, §5.1): prorated in the start month,
 * the full monthly price otherwise, including the month of the termination's
 * effective date ("aucun remboursement partiel"). When a contract starts and
 * ends in the same month the start proration still applies: nothing was
 * provided before the start. No line outside the billed months.
 */
export function monthlyLines(contract: BillingContract, month: YearMonth, vatRatePercent: number, lists: PriceLists): BillingLine[] {
  assertBillingContract(contract);
  if (!isBilledMonth(contract, month)) return [];
  const tier = { ...getTier(contract.tier, contract.priceListId, lists), ...(contract.price ? { priceCents: contract.price.value } : {}) };
  const label = `Abonnement Dokos, formule ${tier.id} – ${formatMonthFr(month)}`;
  const { startDate, terminationEffectiveDate: end } = contract;
  if (yearMonthOf(startDate) === month) {
    const amount = explainProration(tier.priceCents, prorateFirstMonth(tier.priceCents, startDate));
    return [singleLine(`${label} (du ${formatDateFr(startDate)} au ${formatDateFr(lastDayOfMonth(startDate))})`, amount, vatRatePercent)];
  }
  const amount =
    end !== undefined && yearMonthOf(end) === month
      ? explained(
          tier.priceCents,
          '§1',
          `Mois de prise d'effet de la résiliation (${formatDateFr(end)}) facturé en entier : ${formatEuros(tier.priceCents)} HT, sans remboursement partiel (§1).`,
        )
      : (contract.price ?? explainedMessage(tier.priceCents, '§5.1', message('rule.line.monthly', { tier: tier.id, price: { cents: tier.priceCents }, month: { month } })));
  return [singleLine(label, amount, vatRatePercent)];
}
