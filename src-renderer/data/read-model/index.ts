// The portfolio read model: one summary row per client, kept by every write of
// its clients, contracts and usage (see client-summary.ts), read at a date by month-view.ts.
export { OVER_MONTHS_KEPT, STATUS_WEIGHT, summarizeClient, summarizeClients, summarySource, type ClientSummary, type ContractSummary, type SummaryDeadline } from './client-summary';
export { hasPriceList, lastMeasuredMonth, overInMonth, overrunOf, priceOfMonth, runningAt, statusesAt, tierOfMonth, tiersAt, unpricedAt } from './month-view';
export { deadlinesBetween, type PortfolioDeadline } from './deadline-view';
export { byLegalName, frenchCollator, searchable } from './search-key';
export { readPortfolio, readPortfolioHead, type PortfolioHead } from './portfolio-chunks';
export { readLastMeasuredMonth, readOverrunRows, type OverrunRow } from './overrun-index';
