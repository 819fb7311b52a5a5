import { message, refusalError } from '../messages';
import { applyPercent, assertCents, type Cents } from '../money';

/**
 * Invoice totals (DOMAIN.md, Billing): the VAT of a rate is computed once on
 * the sum of that rate's line nets (EN 16931 BR-CO-17), not summed per line,
 * so it can differ by a cent from a sum of per-line VAT and is the legal one.
 */
export interface VatBreakdown {
  ratePercent: number;
  baseCents: Cents;
  vatCents: Cents;
}

export interface ComputedTotals {
  netCents: Cents;
  vatCents: Cents;
  totalCents: Cents;
  /** One entry per rate present, by increasing rate. */
  byRate: VatBreakdown[];
}

function assertRate(rate: number): number {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 100)) {
    throw refusalError('INVALID_NUMBER', message('refusal.vat.rate', { rate: String(rate) }));
  }
  return rate;
}

export function invoiceTotals(lines: readonly { netCents: Cents; vatRatePercent: number }[]): ComputedTotals {
  const bases = new Map<number, Cents>();
  for (const line of lines) {
    assertCents(line.netCents, 'lineNet');
    const rate = assertRate(line.vatRatePercent);
    bases.set(rate, (bases.get(rate) ?? 0) + line.netCents);
  }
  const byRate = [...bases.entries()]
    .sort(([a], [b]) => a - b)
    .map(([ratePercent, baseCents]) => ({ ratePercent, baseCents, vatCents: applyPercent(baseCents, ratePercent) }));
  const netCents = byRate.reduce((sum, r) => sum + r.baseCents, 0);
  const vatCents = byRate.reduce((sum, r) => sum + r.vatCents, 0);
  return { netCents, vatCents, totalCents: netCents + vatCents, byRate };
}
