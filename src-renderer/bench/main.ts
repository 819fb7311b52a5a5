import type { IsoDate } from '../../src-core';
import type { BenchApi } from './api';
import { forecastTiming, overrunListTiming } from './contract-life';
import type { BenchPortfolio } from './invoices';
import { invoicePages, renderFacturXInvoices, renderInvoices } from './pdf';
import { appBulkLoad, appDemoLoader, bareBulkPut } from './storage';
import { syncIncremental, syncInitial } from './sync';

/** The bench page: the app's modules without its screens, driven by scripts/bench.mjs through `window.bench`. */
let loaded: { portfolio: BenchPortfolio; today: IsoDate } | undefined;

function current() {
  if (!loaded) throw new Error('bench: loadPortfolio() first');
  return loaded;
}

const bench: BenchApi = {
  async loadPortfolio(url, today) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`bench: ${url} → ${response.status}`);
    const portfolio = (await response.json()) as BenchPortfolio;
    loaded = { portfolio, today };
    return Object.fromEntries(Object.entries(portfolio).map(([table, records]) => [table, (records as unknown[]).length]));
  },
  bareBulkPut: (name) => bareBulkPut(current().portfolio, name),
  appBulkLoad: (name) => appBulkLoad(current().portfolio, name),
  appDemoLoader: (options, name) => appDemoLoader({ ...options, today: current().today }, name),
  renderInvoices: (n) => renderInvoices(current().portfolio, current().today, n),
  renderFacturXInvoices: (n) => renderFacturXInvoices(current().portfolio, current().today, n),
  invoicePages: (n) => invoicePages(current().portfolio, current().today, n),
  syncInitial,
  syncIncremental,
  forecastTiming,
  overrunListTiming,
};

window.bench = bench;
document.body.dataset.ready = 'true';
