import { evaluateUsage, type Contract, type Metric, type PriceLists, type UsageDocument } from '../../../src-core';
import type { UsagePoint } from '../../components/UsageChart';
import { tierOfMonth } from './contract-figures';
import type { Formats } from '../../i18n';

/** How many months the charts show: the 36 months the platform keeps. */
const CHART_MONTHS = 36;

/**
 * One metric of a contract per month, against the limit of the tier billed
 * that month (src-core: tierForMonth, evaluateUsage), so the limit line steps
 * where the tier changed; months on the axis are short ("Oct 26", "oct. 26"), long in the tooltip.
 */
export function usagePoints(contract: Contract, usage: UsageDocument | undefined, metric: Metric, lists: PriceLists, fmt: Formats): UsagePoint[] {
  return (usage?.months ?? []).slice(-CHART_MONTHS).map((m) => {
    const evaluation = evaluateUsage(m, tierOfMonth(contract, m.month, lists)).find((e) => e.metric === metric)!;
    return { month: fmt.month(m.month), label: fmt.shortMonth(m.month), value: m[metric], limit: evaluation.limit, over: evaluation.over };
  });
}
