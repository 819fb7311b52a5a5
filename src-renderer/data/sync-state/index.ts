// What the sync engine stores locally (issue 7): cursors, answers of the server,
// conflicts and set-aside mutations, reconciliation digests. Dexie stays in src-renderer/data.
export { SYNC_KEYS, deleteSyncValue, readSyncValue, writeSyncValue, type GrantProblem, type ReconcileReport, type SetAsideMutation, type StoredConflict, type SyncServer, type TableComparison } from './keys';
export { coverEntities, newInitialPull, prepareSummaries, type InitialPull } from './initial-pull';
export { commitPulledPage, joinPulledPages, readCursor, rebuildPendingSummaries } from './pulled-changes';
export { validatePulledPage, type PulledPage, type ValidatedPage } from './page-validation';
export { commitPushResults, type PushOutcome } from './push-results';
export { clientIdOf, discardSetAside, listConflicts, listSetAside, resolveConflict, retrySetAside } from './conflicts';
// Keys of records, as the sync protocol groups them (src-core/sync/overlay.ts).
export { recordKey } from '../../../src-core';
// The reconciliation digests, kept by the write gateway (read-model/record-digests.ts).
export { readDigests, recountDigests } from '../read-model/record-digests';
export { enqueueUnknownRecords } from './portfolio-upload';
export { JOIN_KEY, confirmJoin, planJoin, readJoinPlan, readJoinReview, stashBeforeJoining, type JoinConflict, type JoinPlan, type JoinReview } from './join';
export { forgetServer, wipeLocalData } from './wipe';
export { useConflicts, useJoinReview, useSetAside, useOldestPendingAt, useSyncValue } from './hooks';
