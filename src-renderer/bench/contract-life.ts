import { mrrForecast, type IsoDate } from '../../src-core';
import { readOverrunWorkList } from '../data/contract-life';
import { openDataLayer } from '../data/open';
import { readPortfolio } from '../data/read-model';

/** Milliseconds of each run, and what the last one computed (to show the work is real). */
export interface LifeTiming {
  /** Reading the read model the screen already holds (the dashboard's usePortfolio), once. */
  readMs: number;
  runsMs: number[];
  /** Contracts the forecast sums, or the work list's items. */
  count: number;
  /** A figure of the result: the first month's MRR in cents, or the work list's month. */
  result: string;
}

/**
 * The dashboard's MRR forecast as MrrForecast.tsx computes it: src-core
 * `mrrForecast` over every contract of the summaries `usePortfolio` read, on
 * the app's database filled by `appBulkLoad`. The read is timed apart: the
 * dashboard holds the summaries already for its other cards.
 */
export async function forecastTiming(today: IsoDate, runs: number): Promise<LifeTiming> {
  const { db } = await openDataLayer();
  try {
    const t0 = performance.now();
    const [summaries, lists] = await Promise.all([readPortfolio(db), db.priceLists.toArray()]);
    const readMs = performance.now() - t0;
    const runsMs: number[] = [];
    let first = 0;
    let count = 0;
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      const contracts = summaries.flatMap((s) => s.contracts);
      const months = mrrForecast(contracts, lists, today, 12);
      runsMs.push(performance.now() - t);
      first = months[0]!.mrr.value;
      count = contracts.length;
    }
    return { readMs, runsMs, count, result: String(first) };
  } finally {
    db.close();
  }
}

/** The overrun work list as `#/clients/depassements` reads it (`useOverrunWorkList`): `readOverrunWorkList` on the app's database, read model included. */
export async function overrunListTiming(today: IsoDate, runs: number): Promise<LifeTiming> {
  const { db } = await openDataLayer();
  try {
    const runsMs: number[] = [];
    let count = 0;
    let month = '';
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      const list = await readOverrunWorkList(db, today);
      runsMs.push(performance.now() - t);
      count = list.items.length;
      month = list.month ?? '';
    }
    return { readMs: 0, runsMs, count, result: month };
  } finally {
    db.close();
  }
}
