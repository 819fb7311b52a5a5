import { message, refusalError } from '../messages';
import type { Tier, UsageQuantities } from './price-lists';

/**
 * Usage of one month against a tier's limits (§5.1, §6.1).
 *
 * Quantities stay plain numbers (they arrive as decimals: 1.5 CPU hours,
 * 0.75 GB) but are compared as integer thousandths. Why: binary floats make
 * 0.1 + 0.2 = 0.30000000000000004, and such noise from a sum of samples must
 * not turn a usage exactly at the limit into an overrun, since "over" is
 * strictly greater. A thousandth of an hour (3.6 s) or of a GB (1 MB) is below
 * the precision of the measurements, so rounding to it loses nothing real.
 */

export type Metric = keyof UsageQuantities;

export const METRICS: readonly Metric[] = ['cpuHours', 'databaseGB', 'storageGB'];

/** How a metric is named in French, with its unit. */
export const METRIC_LABELS_FR: Readonly<Record<Metric, { label: string; unit: string }>> = {
  cpuHours: { label: 'CPU', unit: 'h' },
  databaseGB: { label: 'base de données', unit: 'Go' },
  storageGB: { label: 'stockage', unit: 'Go' },
};

export interface MetricUsage {
  metric: Metric;
  limit: number;
  used: number;
  /** used / limit, in percent with one decimal (display only; `over` decides). */
  percent: number;
  /** Strictly greater than the limit. */
  over: boolean;
}

/** A quantity as an integer number of thousandths; a negative or non-finite quantity throws. */
export function toThousandths(quantity: number, metric: Metric): number {
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity < 0) {
    throw refusalError('INVALID_NUMBER', message('refusal.usage.quantity', { metric: { word: `code.metric.${metric}` }, value: String(quantity) }));
  }
  return Math.round(quantity * 1000);
}

/** Refuses a usage record with a negative, NaN or infinite quantity. */
export function assertUsage(usage: UsageQuantities): UsageQuantities {
  for (const m of METRICS) toThousandths(usage[m], m);
  return usage;
}

/** Whether every metric of `usage` is at most the corresponding limit. */
export function fitsWithin(usage: UsageQuantities, limits: UsageQuantities): boolean {
  return METRICS.every((m) => toThousandths(usage[m], m) <= toThousandths(limits[m], m));
}

export function evaluateUsage(usage: UsageQuantities, tier: Tier): MetricUsage[] {
  return METRICS.map((metric) => {
    const used = toThousandths(usage[metric], metric);
    const limit = toThousandths(tier.limits[metric], metric);
    return {
      metric,
      limit: tier.limits[metric],
      used: usage[metric],
      percent: Math.round((used * 1000) / limit) / 10,
      over: used > limit,
    };
  });
}

/** "1,5 h", "0,75 Go": a quantity in French notation, to the thousandth. */
export function formatQuantityFr(quantity: number, metric: Metric): string {
  const text = String(toThousandths(quantity, metric) / 1000).replace('.', ',');
  return `${text}\u00a0${METRIC_LABELS_FR[metric].unit}`;
}
