import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Figure } from './figures';
import { BENCHMARKS, type Benchmark } from './options';

export interface Report {
  date: string;
  command: string;
  durationSeconds: number;
  runs: number;
  seed: number;
  machine: Record<string, unknown> & { loadAverageAtEnd?: number[] };
  versions: Record<string, string>;
  data: { size: number; counts: Record<string, number>; generationMs: number }[];
  figures: Figure[];
  /** This run's time, part by part (absent from reports written before it was told). */
  spent?: Spent[];
  /** Earlier runs whose figures this report kept (a run with --only measures part of the suites). */
  earlierRuns?: EarlierRun[];
}

/** A part of the run and the seconds it took (size: the portfolio's clients, when it has one). */
export interface Spent {
  what: string;
  size: number | undefined;
  seconds: number;
}

interface EarlierRun {
  date: string;
  command: string;
  benchmarks: Benchmark[];
  /** That run's machine load (1, 5, 15 min), at its start and end: its figures' conditions. */
  loadAverage: { start: unknown; end: unknown };
  chromium: string;
}

/** The UI suite's figures, by the benchmark that measures each; the other suites' ids start with their name. */
const UI_FIGURES: Record<string, Benchmark> = { 'ui.coldOpen': 'open', 'ui.searchKeystroke': 'search', 'ui.clientPage': 'client', 'ui.heap': 'heap' };

export function benchmarkOf(figureId: string): Benchmark | undefined {
  const prefix = figureId.split('.')[0] ?? '';
  return UI_FIGURES[figureId] ?? (BENCHMARKS as readonly string[]).find((b) => b === prefix) as Benchmark | undefined;
}

/**
 * A run of some suites (--only) merged into the report already written: the
 * suites it ran replace their figures, every other figure stays, and the run
 * it came from is named in the report. Data rows are kept by size.
 */
export function mergeReports(earlier: Report, current: Report, ran: ReadonlySet<Benchmark>): Report {
  // A figure whose suite is unknown (renamed since) is kept: a merge never loses figures silently.
  const kept = earlier.figures.filter((f) => {
    const benchmark = benchmarkOf(f.id);
    return benchmark === undefined || !ran.has(benchmark);
  });
  if (kept.length === 0) return current;
  // Each kept suite was measured by the earlier report's own run, or by a run that report had kept in turn.
  const earlierRuns = new Map<string, EarlierRun>();
  const itself: Omit<EarlierRun, 'benchmarks'> = {
    date: earlier.date,
    command: earlier.command,
    loadAverage: { start: earlier.machine.loadAverageAtStart, end: earlier.machine.loadAverageAtEnd },
    chromium: earlier.versions.chromium ?? 'unknown',
  };
  for (const benchmark of new Set(kept.map((f) => benchmarkOf(f.id)))) {
    if (benchmark === undefined) continue;
    const source = earlier.earlierRuns?.find((r) => r.benchmarks.includes(benchmark)) ?? itself;
    const key = `${source.date} ${source.command}`;
    const run = earlierRuns.get(key) ?? { ...source, benchmarks: [] };
    run.benchmarks.push(benchmark);
    earlierRuns.set(key, run);
  }
  const sizes = new Set(current.data.map((d) => d.size));
  return {
    ...current,
    data: [...current.data, ...earlier.data.filter((d) => !sizes.has(d.size))].sort((a, b) => a.size - b.size),
    figures: [...kept, ...current.figures],
    earlierRuns: [...earlierRuns.values()],
  };
}

export async function readReport(dir: string): Promise<Report | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const GROUPS: [prefix: string, title: string][] = [
  ['pdf.', 'Invoice PDFs (issue 5)'],
  ['storage.', 'Writing the portfolio into IndexedDB (baselines)'],
  ['ui.', 'Portfolio screens on the real app (issue 4)'],
  ['sync.', 'Sync (issue 7)'],
  ['server-load.', 'Central API under load: requests per second, simulated laptops against a server process (issue 21)'],
  ['import.', 'Usage CSV import at real size (issue 15)'],
  ['forecast.', 'MRR forecast (issue 15)'],
  ['overruns.', 'Overrun work list (issue 15)'],
  ['laptops.', 'Central API under many laptops: the real sync engine of 5, 10, 20 laptops at once against a server process (issue 20)'],
];

function number(value: number, unit: string): string {
  const digits = unit === 'ms' ? (Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0) : 1;
  // `+ 0` turns a -0.0 (a heap that shrank by a few bytes) into a plain 0.0.
  return (Number(value.toFixed(digits)) + 0).toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const withUnit = (value: number, unit: string) => `${number(value, unit)} ${unit}`;
const verdict = (f: Figure) => (!f.target ? '—' : f.target.met === null ? 'not measured' : f.target.met ? '**met**' : '**NOT met**');

function row(f: Figure): string {
  const size = f.size === null ? 'any' : f.size.toLocaleString('en');
  if (!f.summary) return `| ${f.title} | ${size} | _not measured: ${f.notMeasured}_ | | | ${f.target?.text ?? '—'} | ${verdict(f)} |`;
  const s = f.summary;
  const spread = `${number(s.min, f.unit)}–${number(s.max, f.unit)} (p10–p90 ${number(s.p10, f.unit)}–${number(s.p90, f.unit)}, n = ${s.n})`;
  const baseline = f.baseline ? `${withUnit(f.baseline.summary.median, f.unit)} — ${f.baseline.title}` : '—';
  return `| ${f.title} | ${size} | **${withUnit(s.median, f.unit)}** | ${spread} | ${baseline} | ${f.target?.text ?? '—'} | ${verdict(f)} |`;
}

/** For a figure measured at several sizes: how much its median grew against the data. */
function growth(figures: readonly Figure[]): string[] {
  const byId = new Map<string, Figure[]>();
  for (const f of figures) if (f.summary && f.size !== null) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  const lines: string[] = [];
  for (const [, list] of byId) {
    if (list.length < 2) continue;
    const [small, large] = [list[0]!, list.at(-1)!];
    // A figure that is nothing at the smallest size (no long task) has no growth to state.
    if (small.summary!.median === 0) continue;
    const dataRatio = large.size! / small.size!;
    const ratio = large.summary!.median / small.summary!.median;
    const shape = ratio > dataRatio * 1.2 ? 'grows FASTER than the data' : ratio > dataRatio * 0.5 ? 'grows with the data' : 'grows slower than the data';
    lines.push(`| ${small.title} | ${withUnit(small.summary!.median, small.unit)} | ${withUnit(large.summary!.median, large.unit)} | ×${number(ratio, '×')} for ×${number(dataRatio, '×')} clients | ${shape} |`);
  }
  return lines;
}

export function markdown(report: Report): string {
  const m = report.machine;
  const out = [
    '# Contrats — benchmark report',
    '',
    `Measured ${report.date} with \`${report.command}\` in ${Math.round(report.durationSeconds)} s; ${report.runs} runs per figure, seed ${report.seed}.`,
    'Each figure: median (bold) and spread over the runs, its baseline measured in the same run where the issue names one,',
    "and the issue's target, judged on the median. Timings are taken inside Chromium with performance.now() (the server load's in Node, around each HTTP request).",
    ...(report.earlierRuns ?? []).map(
      (r) => `Kept from an earlier run (${r.date}, \`${r.command}\`, Chromium ${r.chromium}, load average at start ${JSON.stringify(r.loadAverage.start)}, at end ${JSON.stringify(r.loadAverage.end)}): the ${r.benchmarks.join(', ')} figures.`,
    ),
    '',
    '## Machine and versions',
    '',
    `- CPU: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB memory, ${m.os}`,
    `- Load average (1, 5, 15 min) at start ${JSON.stringify(m.loadAverageAtStart)}, at end ${JSON.stringify(m.loadAverageAtEnd)} — other work on the machine shows in the spread`,
    `- ${Object.entries(report.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    '## Data',
    '',
    '| clients | records | generated in |',
    '|---|---|---|',
    ...report.data.map((d) => `| ${d.size.toLocaleString('en')} | ${Object.entries(d.counts).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')} | ${withUnit(d.generationMs, 'ms')} |`),
    '',
  ];
  for (const [prefix, title] of GROUPS) {
    const figures = report.figures.filter((f) => f.id.startsWith(prefix));
    if (figures.length === 0) continue;
    out.push(`## ${title}`, '', '| figure | clients | median | spread: min–max | baseline (median) | target | met |', '|---|---|---|---|---|---|---|', ...figures.map(row));
    const notes = figures.flatMap((f) => (f.notes ?? []).map((n) => `- ${f.title}${f.size ? ` (${f.size.toLocaleString('en')} clients)` : ''}: ${n}`));
    out.push('', ...notes, ...(notes.length ? [''] : []));
  }
  const grown = growth(report.figures);
  if (grown.length) out.push('## Growth with size', '', '| figure | smallest | largest | growth | shape |', '|---|---|---|---|---|', ...grown, '');
  if (report.spent?.length) out.push(...timeSpent(report.spent, report.durationSeconds));
  return out.join('\n');
}

/** Where this run's time went, part by part, the rest (browser starts, the report) last. */
function timeSpent(spent: readonly Spent[], durationSeconds: number): string[] {
  const told = spent.reduce((sum, s) => sum + s.seconds, 0);
  return [
    "## Where this run's time went",
    '',
    '| part | clients | seconds |',
    '|---|---|---|',
    ...spent.map((s) => `| ${s.what} | ${s.size?.toLocaleString('en') ?? 'any'} | ${Math.round(s.seconds)} |`),
    `| the rest (browsers started, the laptops' portfolio, the report written) | — | ${Math.round(durationSeconds - told)} |`,
    `| **whole run** | — | **${Math.round(durationSeconds)}** |`,
    '',
  ];
}

export async function writeReport(dir: string, report: Report): Promise<void> {
  await writeFile(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(dir, 'report.md'), markdown(report));
}
