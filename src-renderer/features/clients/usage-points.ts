import { evaluateUsage, formatMonthFr, parseYearMonth, type Contract, type Metric, type PriceLists, type UsageDocument } from '../../../src-core';
import type { UsagePoint } from '../../components/UsageChart';
import { tierOfMonth } from './contract-figures';

/** How many months the charts show: the 36 months the platform keeps. */
const CHART_MONTHS = 36;

const shortMonth = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** "oct. 26" for the axis; the tooltip and the list of months over use the long form. */
function axisLabel(month: string): string {
  const { year, month: m } = parseYearMonth(month);
  return shortMonth.format(new Date(Date.UTC(year, m - 1, 1)));
}

/**
 * One metric of a contract per month, against the limit of the tier billed
 * that month (src-core: tierForMonth, evaluateUsage), so the limit line steps
 * where the tier changed.
 */
export function usagePoints(contract: Contract, usage: UsageDocument | undefined, metric: Metric, lists: PriceLists): UsagePoint[] {
  return (usage?.months ?? []).slice(-CHART_MONTHS).map((m) => {
    const evaluation = evaluateUsage(m, tierOfMonth(contract, m.month, lists)).find((e) => e.metric === metric)!;
    return { month: formatMonthFr(m.month), label: axisLabel(m.month), value: m[metric], limit: evaluation.limit, over: evaluation.over };
  });
}
