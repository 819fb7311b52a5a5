// Registered letters (DOMAIN.md, Letters): pure composition of each kind's text
// from the lifecycle rules. Layout on paper lives in src-renderer/documents.
export * from './types';
export * from './params';
export * from './compose';
export * from './stored-params';
export * from './letter-status';
export * from './follow-up';
export * from './contract-ref';
export { DUNNING_STEP_LETTER, dunnedInvoiceNumbers, formalNoticeInvoices, formalNoticeSums } from './dunning';
export * from './contract-effect';
export * from './tier-change-facts';
export { datesMovedByReceipt, describeMoves, receiptCorrectionDue, receiptCorrectionParams, type MovedDate, type ReceiptMove } from './receipt-correction';
