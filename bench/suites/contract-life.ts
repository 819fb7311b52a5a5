import { measured, type Figure, type FigureHead } from '../figures';
import { callBench, type SizeContext } from './context';

/** The day of issue 15's journey: the demo seen on 04/12/2026 (November is the last measured month). */
const TODAY = '2026-12-04';
/** Computations timed per run of the bench (the first, cold, included). */
const REPEATS = 5;

/**
 * The MRR forecast and the overrun work list at the portfolio's size, each
 * computed as its screen computes it (src-renderer/bench/contract-life.ts),
 * in the bench page on the app's database filled by appBulkLoad.
 */
export async function forecastSuite(ctx: SizeContext): Promise<Figure[]> {
  const head: FigureHead = { id: 'forecast.mrr', title: 'Dashboard MRR forecast: current month + 12 (src-core mrrForecast over every contract of the read model)', size: ctx.size, unit: 'ms' };
  const samples: number[] = [];
  const reads: number[] = [];
  let last = { count: 0, result: '' };
  for (let run = 1; run <= ctx.runs; run++) {
    const timing = await callBench(ctx.benchPage, 'forecastTiming', TODAY, REPEATS);
    samples.push(...timing.runsMs);
    reads.push(timing.readMs);
    last = timing;
    ctx.log(`forecast run ${run}: ${timing.runsMs.map(Math.round).join(', ')} ms (read model read in ${Math.round(timing.readMs)} ms)`);
  }
  const notes = [
    `on ${TODAY}, over ${last.count.toLocaleString('en')} contracts; ${REPEATS} computations per run, the first (cold) included; December's MRR ${(Number(last.result) / 100).toLocaleString('fr-FR')} €`,
    `reading the read model it sums (held by the dashboard for its other cards, not counted): ${reads.map(Math.round).join(', ')} ms`,
  ];
  return [measured(head, samples, { target: { text: '≤ 500 ms', met: (m) => m <= 500 }, notes })];
}

export async function overrunsSuite(ctx: SizeContext): Promise<Figure[]> {
  const head: FigureHead = { id: 'overruns.workList', title: 'Overrun work list (#/clients/depassements): readOverrunWorkList, read model and contracts read included', size: ctx.size, unit: 'ms' };
  const samples: number[] = [];
  let last = { count: 0, result: '' };
  for (let run = 1; run <= ctx.runs; run++) {
    const timing = await callBench(ctx.benchPage, 'overrunListTiming', TODAY, REPEATS);
    samples.push(...timing.runsMs);
    last = timing;
    ctx.log(`overrun list run ${run}: ${timing.runsMs.map(Math.round).join(', ')} ms, ${timing.count} contracts over in ${timing.result}`);
  }
  const notes = [`on ${TODAY}: ${last.count.toLocaleString('en')} contracts over their limits in ${last.result}, each with its covering tier, supplement and proposed change; ${REPEATS} reads per run, the first (cold) included`];
  return [measured(head, samples, { target: { text: '≤ 500 ms', met: (m) => m <= 500 }, notes })];
}
