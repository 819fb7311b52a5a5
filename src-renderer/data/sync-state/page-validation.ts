import { acceptEntity, ENTITY_LABELS, entitySchemas, type RecordChange, type WireRecord } from '../../../src-core';

// Apart from pulled-changes.ts, which writes pages: the pull pages' reader
// (sync/page-reader.ts) runs this in a worker, whose script should carry zod
// and the schemas, not Dexie and the write gateway.

export interface PulledPage {
  changes: readonly RecordChange[];
  nextCursor: string;
}

/** A page whose records passed their entity's schema (validatePulledPage). */
export interface ValidatedPage extends PulledPage {
  readonly validated: true;
}

/**
 * Checks every record of a page against its entity's schema; throws the
 * first refusal (in French), so that nothing of a bad page is stored. The
 * engine runs it as soon as a page arrives, while the previous page's
 * transaction is still being written by IndexedDB. A record valid as it
 * stands is kept as it came (acceptEntity): most of a first sync's 130,000.
 */
export function validatePulledPage<P extends PulledPage>(page: P): P & ValidatedPage {
  const changes = page.changes.map((change) => ({
    ...change,
    record: change.record && (acceptEntity(entitySchemas[change.entity], change.record, ENTITY_LABELS[change.entity]) as WireRecord),
  }));
  return { ...page, changes, validated: true };
}
