import type { UsageQuantities } from '../pricing';
import type { UsageMonth } from '../sync/usage-ingest';
import type { SeededRandom } from './prng';

/**
 * Monthly usage of a demo contract, shaped like real hosting: a base load,
 * growth, a seasonal swing (busy before year end, quiet in August) and noise.
 * A `normal` contract stays within its limits; `over` ends with months above
 * them; `hors_grille` ends with a database over 1 GB, which no tier covers.
 */
export type LoadProfile = 'normal' | 'over' | 'hors_grille';

/** Seasonal factor of a calendar month (1–12). */
function season(month: number, amplitude: number): number {
  const yearEnd = 1 + amplitude * Math.cos((2 * Math.PI * (month - 11)) / 12);
  return month === 8 ? yearEnd * 0.8 : yearEnd;
}

/** Rounds to 1/factor: hundredths of an hour or GB, thousandths of a database GB. */
const round = (value: number, factor: number) => Math.round(value * factor) / factor;

/** Keeps a normal month under the limit so that only the intended contracts raise flags. */
const capped = (value: number, limit: number) => Math.min(value, limit * 0.98);

export function usageSeries(rng: SeededRandom, months: readonly string[], limits: UsageQuantities, profile: LoadProfile): UsageMonth[] {
  const base = rng.between(0.25, 0.6);
  const growth = rng.between(0, 0.03);
  const amplitude = rng.between(0, 0.15);
  const storageStart = rng.between(0.15, 0.5);
  const storageGrowth = rng.between(0.005, 0.02);
  // The over-consumption shows in the last months of the history (1 to 3).
  const overFrom = months.length - rng.int(1, Math.min(3, months.length));
  // A database over 1 GB is hors grille, so a plain overrun uses it only where a higher tier covers it (T19).
  const overMetric = rng.pick(limits.databaseGB < 1 ? (['cpuHours', 'storageGB', 'databaseGB'] as const) : (['cpuHours', 'storageGB'] as const));

  return months.map((month, k) => {
    const load = base * (1 + growth) ** k * season(Number(month.slice(5, 7)), amplitude);
    const over = k >= overFrom;
    let cpuHours = capped(limits.cpuHours * load * rng.between(0.85, 1.15), limits.cpuHours);
    let databaseGB = capped(limits.databaseGB * (0.2 + 0.5 * load) * rng.between(0.95, 1.05), limits.databaseGB);
    let storageGB = capped(limits.storageGB * (storageStart + storageGrowth * k) * rng.between(0.97, 1.03), limits.storageGB);
    if (over && profile === 'over') {
      const value = limits[overMetric] * rng.between(1.1, 1.6);
      if (overMetric === 'cpuHours') cpuHours = value;
      else if (overMetric === 'storageGB') storageGB = value;
      else databaseGB = value;
    }
    if (over && profile === 'hors_grille') databaseGB = rng.between(1.05, 1.8);
    return { month, cpuHours: round(cpuHours, 100), databaseGB: round(databaseGB, 1000), storageGB: round(storageGB, 100) };
  });
}
