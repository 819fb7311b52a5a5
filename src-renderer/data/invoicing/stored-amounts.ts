import { explained, type BillingLine, type ComputedTotals, type Invoice } from '../../../src-core';

/**
 * The one place where src-core's computed totals become the stored ones. The
 * names happen to match today; keeping the mapping explicit means a rename on
 * either side fails to compile here instead of storing a half-filled record.
 */
export function storedTotals(t: ComputedTotals): Invoice['totals'] {
  return {
    netCents: t.netCents,
    vatCents: t.vatCents,
    totalCents: t.totalCents,
    byRate: t.byRate.map((r) => ({ ratePercent: r.ratePercent, baseCents: r.baseCents, vatCents: r.vatCents })),
  };
}

/**
 * Stored lines as src-core's billing lines. A line synced from elsewhere may
 * come without its explanation; it then explains itself by its label, which
 * is what the credit-note rules print.
 */
export function billingLines(invoice: Pick<Invoice, 'lines'>): BillingLine[] {
  return invoice.lines.map((line) => ({ ...line, explanation: line.explanation ?? explained(line.netCents, '§5.3', line.label) }));
}
