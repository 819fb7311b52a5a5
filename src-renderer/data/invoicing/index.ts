// Invoicing on the local store (issue 5): the monthly run, issuing with gapless
// numbers, payments, credit notes, late surcharges, and the settlements of the
// invoices screens. Every write is one transaction with its audit and outbox.
export { createMonthlyDrafts, draftInvoiceInput, planMonthlyRun, type CreateOptions, type MonthlyRunPlan, type PlanOptions, type RunItem, type RunProblem, type RunProgress } from './monthly-run';
export { issueDrafts, type IssueOptions } from './issue';
export { nextCentralNumber, prepareCentralIssue, readIssueSeriesChoice, recordCentralIssue, setIssueSeriesChoice, type CentralIssueAnswer, type IssueSeriesChoice } from './central-issue';
export { forgetCentralIssue, readAwaitingCentralIssue, rememberCentralIssue, type AwaitingCentralIssue } from './awaiting-central-issue';
export type { WriteProgress } from './bulk-write';
export { cancelPayment, recordPayment, removePayment } from './payments';
export { invoiceDraftCommands } from './drafts';
export { createCreditNote } from './credit-notes';
export { offsetOnNextInvoice, recordRefund, type RefundInput } from './credit-uses';
export { createLateSurcharge } from './surcharge';
export { referencedDocuments } from './refused-issues';
export { deviceCode, nextDocumentNumber, recordDeviceGrant, seriesToGrant, type GrantedSeries } from './numbering';
export { documentLedger, ledger, ledgerRows, overdueLedger, overdueRows, type DocumentLedger, type DocumentStatus, type LedgerRow, type OverdueRow } from './ledger';
export { billingLines } from './stored-amounts';
export { parisToday } from '../context';
export { sellerProfile } from '../settings-in-force';
export * from './hooks';
export { printableDocument, printableMonth, type PrintableDocument, type PrintBatch } from './print-data';
export { eReportingMonths, platformAttention, platformLedger, useEReportingMonths, usePlatformAttention, usePlatformLedger, PLATFORM_WINDOW_MONTHS } from './platform-statuses';
