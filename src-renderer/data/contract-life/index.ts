// The contract's life acting on the rest (issue 15): tier changes with their
// notice, the overrun work list.
export { applyTierChangesWithNotices, applyTierChangeWithNotice, undoTierChange, type AppliedTierChange, type BulkTierChangeResult, type TierChangeRequest } from './tier-change';
export { readOverrunWorkList, type OverrunItem, type OverrunWorkList } from './overruns';
export { useOverrunWorkList, usePresumedPriceChanges, useTierChangeLetters } from './hooks';
export { readPresumedPriceChanges } from './presumed-prices';
