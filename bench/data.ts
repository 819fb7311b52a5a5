import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_TODAY, generateDemoPortfolio, type IsoDate } from '../src-core';
import { yearOfInvoices, type BenchPortfolio } from '../src-renderer/bench/invoices';

/**
 * The run's portfolio at one size: the demo generator (36 months of usage)
 * plus a year of issued invoices, made once per run with the run's seed and
 * written as JSON for the bench page to fetch.
 */
export interface PortfolioFile {
  size: number;
  /** File name under the served data folder. */
  file: string;
  today: IsoDate;
  counts: Record<string, number>;
  /** Clients whose contract has the full usage history: the client-page benchmark opens these. */
  sampleClientIds: string[];
  /** Search terms that narrow the list a little more at each keystroke. */
  searchTerms: string[];
}

function samples(portfolio: BenchPortfolio, count: number): string[] {
  const rich = new Set(portfolio.usage.filter((u) => u.months.length >= 24).map((u) => u.clientId));
  const ids = portfolio.clients.map((c) => c.id).filter((id) => rich.has(id));
  const step = Math.max(1, Math.floor(ids.length / count));
  return ids.filter((_, i) => i % step === 0).slice(0, count);
}

/** Cities of the portfolio, most frequent first: typing one narrows the list keystroke after keystroke. */
function searchTerms(portfolio: BenchPortfolio, count: number): string[] {
  const frequency = new Map<string, number>();
  for (const c of portfolio.clients) frequency.set(c.billingAddress.city, (frequency.get(c.billingAddress.city) ?? 0) + 1);
  return [...frequency.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([city]) => city);
}

export async function writePortfolio(dir: string, seed: number, size: number): Promise<PortfolioFile> {
  const demo = generateDemoPortfolio({ seed, clients: size, today: DEMO_TODAY });
  const portfolio: BenchPortfolio = { ...demo, invoices: yearOfInvoices(demo, DEMO_TODAY) };
  const file = `portfolio-${seed}-${size}.json`;
  await writeFile(join(dir, file), JSON.stringify(portfolio));
  return {
    size,
    file,
    today: DEMO_TODAY,
    counts: Object.fromEntries(Object.entries(portfolio).map(([table, records]) => [table, (records as unknown[]).length])),
    sampleClientIds: samples(portfolio, 20),
    searchTerms: searchTerms(portfolio, 10),
  };
}
