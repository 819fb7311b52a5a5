// The portfolio read model: one summary row per client, kept by every write of
// its clients, contracts and usage (see client-summary.ts).
export { OVER_MONTHS_KEPT, STATUS_WEIGHT, summarizeClient, summarizeClients, summarySource, type ClientSummary, type RunningContractSummary, type SummaryDeadline, type TierChange } from './client-summary';
export { overInMonth, priceOfMonth, tierOfMonth } from './month-view';
export { deadlinesBetween, type PortfolioDeadline } from './deadline-view';
export { searchable } from './search-key';
export { readPortfolio } from './portfolio-chunks';
