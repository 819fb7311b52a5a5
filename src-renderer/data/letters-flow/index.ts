// Letter-specific data operations (issue 6): a letter's life and batch
// notices, each one call writing record + audit + outbox together.
export { createDraftLetter, advanceLetter, advanceLetters, draftReceiptCorrection } from './actions';
export { createPriceChangeBatch, type BatchOptions, type PriceChangeBatchRequest, type PriceChangeBatchResult } from './batch';
export type { LetterDraft } from './records';
export { useClientsById, useLetter, useLetterSettings, useLettersOfContract } from './hooks';
export { recordPriceChangeObjection } from './contract-effects';
export { dunningLettersDue, useDunningLettersDue } from './dunning-due';
