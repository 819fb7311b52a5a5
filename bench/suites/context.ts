import type { BrowserContext, Page } from 'playwright-core';
import type { BenchApi } from '../../src-renderer/bench/api';
import type { PortfolioFile } from '../data';

/** What every suite gets for one portfolio size: the browser profile, the bench page with the portfolio loaded, the app's URL. */
export interface SizeContext {
  size: number;
  runs: number;
  seed: number;
  data: PortfolioFile;
  browser: BrowserContext;
  benchPage: Page;
  /** The built app, served from the bench page's origin. */
  appUrl: string;
  log: (message: string) => void;
}

/** Calls `window.bench.<method>(...args)` in the bench page; timings are taken inside the page. */
export function callBench<K extends keyof BenchApi>(page: Page, method: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(
    ([m, a]) => {
      const api = window.bench as unknown as Record<string, (...x: unknown[]) => unknown>;
      return api[m]!(...a);
    },
    [method, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}
