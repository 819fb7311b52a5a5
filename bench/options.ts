/**
 * `npm run bench -- [--only pdf,search] [--sizes 1000,10000] [--runs N] [--seed N]`.
 * `server-load` and `laptops` need no browser; they measure PostgreSQL too when BENCH_DATABASE_URL is set.
 * Sizes are numbers of clients; each benchmark that depends on the portfolio
 * runs at every size, so the report shows how a cost grows with the data.
 */
export const BENCHMARKS = ['storage', 'pdf', 'open', 'search', 'client', 'heap', 'sync', 'server-load', 'import', 'forecast', 'overruns', 'laptops'] as const;
export type Benchmark = (typeof BENCHMARKS)[number];

export interface BenchOptions {
  only: ReadonlySet<Benchmark>;
  sizes: number[];
  runs: number;
  seed: number;
}

function value(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

function positiveInt(text: string, name: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name}: expected an integer from 1 to ${max}, got "${text}"`);
  return n;
}

export function parseOptions(args: readonly string[]): BenchOptions {
  const known = new Set(['--only', '--sizes', '--runs', '--seed']);
  for (const arg of args) if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg} (known: ${[...known].join(', ')})`);
  const only = (value(args, '--only') ?? BENCHMARKS.join(',')).split(',').map((s) => s.trim());
  for (const name of only) if (!BENCHMARKS.includes(name as Benchmark)) throw new Error(`--only: unknown benchmark "${name}" (known: ${BENCHMARKS.join(', ')})`);
  const sizes = (value(args, '--sizes') ?? '1000,10000').split(',').map((s) => positiveInt(s.trim(), '--sizes', 10_000));
  return {
    only: new Set(only as Benchmark[]),
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs: positiveInt(value(args, '--runs') ?? '3', '--runs', 50),
    seed: positiveInt(value(args, '--seed') ?? '2026', '--seed', 2 ** 31),
  };
}
