import type { IsoDate } from '../../src-core';
import type { LifeTiming } from './contract-life';
import type { BatchResult } from './pdf';
import type { WriteTiming } from './storage';
import type { SyncTarget, SyncTiming } from './sync';

export type { BatchResult, LifeTiming, SyncTarget, SyncTiming, WriteTiming };

/**
 * What the bench page exposes as `window.bench` to the Playwright script
 * (bench/*.ts), which calls it through page.evaluate. Every timing is taken
 * in the page with performance.now(), never across the Playwright round trip.
 */
export interface BenchApi {
  /** Fetches the run's portfolio (generated once by the script) and keeps it in the page; returns record counts. */
  loadPortfolio(url: string, today: IsoDate): Promise<Record<string, number>>;
  bareBulkPut(databaseName: string): Promise<WriteTiming>;
  /** Into a scratch database `databaseName` (deleted after), or without it into the app's database, kept for the screens. */
  appBulkLoad(databaseName?: string): Promise<WriteTiming>;
  appDemoLoader(options: { seed: number; clients: number }, databaseName: string): Promise<WriteTiming>;
  renderInvoices(n: number): BatchResult;
  /** The same invoices as Factur-X (PDF/A-3b + factur-x.xml), one file each (issue 18). */
  renderFacturXInvoices(n: number): Promise<BatchResult>;
  invoicePages(n: number): string[];
  /** The real sync engine into an empty laptop (a new IndexedDB), from the central API at `target.baseUrl`. */
  syncInitial(target: SyncTarget): Promise<SyncTiming>;
  /** One more sync of that laptop, after `localEdits` client edits made in the app (0: pull the server's changes only). */
  syncIncremental(target: SyncTarget, localEdits: number): Promise<SyncTiming>;
  /** The dashboard's 12-month MRR forecast on the app's database, `runs` times (issue 15). */
  forecastTiming(today: IsoDate, runs: number): Promise<LifeTiming>;
  /** The overrun work list on the app's database, `runs` times (issue 15). */
  overrunListTiming(today: IsoDate, runs: number): Promise<LifeTiming>;
}

declare global {
  interface Window {
    bench?: BenchApi;
  }
}
