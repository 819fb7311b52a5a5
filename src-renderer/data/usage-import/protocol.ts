import type { IsoDate, Message, OverwrittenMonth, UsageImportReport, UsageImportRow } from '../../../src-core';

/**
 * The usage import runs in a worker (`worker.ts`), from reading the file to
 * the committed transaction: the 145,000 rows of a 10,000-client export are
 * parsed, checked, merged and written there, and never cross to the screen's
 * thread — only the report, a preview and the progress do.
 */
export type UsageImportRequest =
  /** Read and check the file against the contracts stored in `database`. */
  | { kind: 'check'; database: string; deviceId: string; file: Blob; today: IsoDate }
  /** Write the checked rows (one transaction); `now` dates the records, as the screen's clock says. */
  | { kind: 'write'; actor: string; now: string }
  /** Abandon the write before it commits: nothing is written. */
  | { kind: 'cancel' };

/** A valid row as the preview shows it. */
export interface UsagePreviewRow extends UsageImportRow {
  reference: string;
}

/** What the screen shows once the file is checked. */
export interface UsageFileCheck {
  /** The parser's report; its rows stay in the worker (`rowCount` says how many). */
  report: Omit<UsageImportReport, 'rows'>;
  rowCount: number;
  /** Contracts named by the valid rows. */
  contractCount: number;
  /** The first valid rows, with their contract's reference. */
  preview: UsagePreviewRow[];
  /** The stored months the import replaces; null when the file has errors (nothing will be written). */
  overwritten: { months: OverwrittenMonth[]; total: number } | null;
}

export type UsageImportMessage =
  | { kind: 'reading'; done: number; total: number }
  | { kind: 'checked'; check: UsageFileCheck }
  | { kind: 'writing'; written: number; total: number }
  | { kind: 'written'; rows: number; contracts: number; changed: number }
  /** The write was abandoned before its commit: nothing was written. */
  | { kind: 'cancelled' }
  /** `said`: a refusal's message code, for the screen's language (its French is `message`). */
  | { kind: 'failed'; stage: 'check' | 'write'; message: string; said?: Message };
