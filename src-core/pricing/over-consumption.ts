import { addMonthsToYearMonth, compareDates, formatMonthFr, parseYearMonth, yearMonthOf, type IsoDate, type YearMonth } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message, messageFr, refusalError } from '../messages';
import type { Cents } from '../money';
import { findCoveringTier } from './covering-tier';
import { getPriceList, tierOf, type PriceLists, type Tier, type UsageQuantities } from './price-lists';
import { prorateFirstMonth } from './proration';
import { evaluateUsage, formatQuantityFr, METRIC_LABELS_FR, type MetricUsage } from './usage';

/**
 * A month over the limits (§5.1: "le Client accepte de basculer sur le forfait
 * supérieur correspondant à sa consommation"; §6.1: he pays the extra usage):
 * a supplement on the next invoice and a proposed switch to the covering tier
 * from the 1st of the next month. Hors grille, neither: the case is flagged.
 */
export interface OverConsumptionInput {
  /** The month the usage was measured in. */
  month: YearMonth;
  usage: UsageQuantities;
  /** Tier billed for that month. */
  tierId: string;
  priceListId: string;
  /** The stored lists `priceListId` is resolved against. */
  lists: PriceLists;
  /** Tells whether `month` was the first, prorated month. */
  contractStartDate: IsoDate;
  /** No switch is proposed for a month after the contract has ended. */
  terminationEffectiveDate?: IsoDate;
}

export interface Supplement {
  /** "Régularisation dépassement octobre 2026" */
  label: string;
  amount: Explained<Cents>;
}

export interface ProposedSwitch {
  tierId: string;
  from: Explained<IsoDate>;
}

export interface OverConsumption {
  month: YearMonth;
  metrics: MetricUsage[];
  /** At least one metric strictly over the current tier's limit. */
  over: boolean;
  coveringTierId: string | null;
  /** No tier of the list covers the usage: a custom quote is needed. */
  horsGrille: boolean;
  supplement: Supplement | null;
  proposedSwitch: ProposedSwitch | null;
  /** French message for the account manager when the case needs a human (hors grille). */
  flag: string | null;
}

/** Price of a tier for the month, prorated like the base line when it was the first month. */
function priceForMonth(tier: Tier, month: YearMonth, contractStartDate: IsoDate): Cents {
  return yearMonthOf(contractStartDate) === month ? prorateFirstMonth(tier.priceCents, contractStartDate).amountCents : tier.priceCents;
}

/** The supplement line's label; also how a stored invoice shows which month it regularised. */
export const regularisationLabel = (month: YearMonth) => messageFr(message('rule.over.regularisation', { month: { month } }));

/** What every label `regularisationLabel` writes starts with: its words before the month. */
const REGULARISATION_WORDS = messageFr(message('rule.over.regularisation', { month: '' }));

/** Whether a line's label may be one `regularisationLabel` wrote (for some month). */
export const isRegularisationLabel = (label: string) => label.startsWith(REGULARISATION_WORDS);

function supplementOf(current: Tier, covering: Tier, input: OverConsumptionInput): Supplement {
  const currentPrice = priceForMonth(current, input.month, input.contractStartDate);
  const coveringPrice = priceForMonth(covering, input.month, input.contractStartDate);
  const amount = coveringPrice - currentPrice;
  const prorated = currentPrice !== current.priceCents ? { message: message('rule.over.prorated') } : '';
  return {
    label: regularisationLabel(input.month),
    amount: explainedMessage(
      amount,
      '§5.1',
      message('rule.over.amount', {
        month: { month: input.month },
        prorated,
        covering: covering.id,
        coveringPrice: { cents: coveringPrice },
        current: current.id,
        currentPrice: { cents: currentPrice },
        amount: { cents: amount },
      }),
    ),
  };
}

function switchOf(covering: Tier, input: OverConsumptionInput): ProposedSwitch | null {
  const from = `${addMonthsToYearMonth(input.month, 1)}-01`;
  if (input.terminationEffectiveDate && compareDates(from, input.terminationEffectiveDate) > 0) return null;
  return {
    tierId: covering.id,
    from: explainedMessage(from, '§5.1', message('rule.over.from', { covering: covering.id, from: { date: from }, month: { month: input.month } })),
  };
}

export function overConsumption(input: OverConsumptionInput): OverConsumption {
  parseYearMonth(input.month);
  if (input.month < yearMonthOf(input.contractStartDate)) {
    throw refusalError('INVALID_INPUT', message('refusal.usage.beforeStart', { month: { month: input.month }, start: { date: input.contractStartDate } }));
  }
  const list = getPriceList(input.priceListId, input.lists);
  const current = tierOf(list, input.tierId);
  const metrics = evaluateUsage(input.usage, current);
  const over = metrics.some((m) => m.over);
  const covering = findCoveringTier(input.usage, list);
  const base = { month: input.month, metrics, over, coveringTierId: covering?.id ?? null, horsGrille: covering === null };
  if (!covering) {
    const details = metrics
      .filter((m) => m.over)
      .map((m) => `${METRIC_LABELS_FR[m.metric].label} ${formatQuantityFr(m.used, m.metric)} > ${formatQuantityFr(m.limit, m.metric)}`)
      .join(', ');
    return {
      ...base,
      supplement: null,
      proposedSwitch: null,
      flag: `Hors grille : aucune formule de la grille ${list.id} ne couvre la consommation de ${formatMonthFr(input.month)} (${details}) ; un devis sur mesure est nécessaire (§5.1).`,
    };
  }
  if (!over) return { ...base, supplement: null, proposedSwitch: null, flag: null };
  // Limits grow with the price in a list (PriceList.tiers), so a tier covering
  // a usage over the current one is dearer: the supplement is positive.
  return { ...base, supplement: supplementOf(current, covering, input), proposedSwitch: switchOf(covering, input), flag: null };
}
