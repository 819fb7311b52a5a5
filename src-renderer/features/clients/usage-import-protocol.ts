import type { IsoDate, UsageImportContract, UsageImportReport, UsageImportRow } from '../../../src-core';

/** What the screen sends the usage-import worker: the chosen file (read in the worker) and the contracts it may name. */
export interface UsageParseRequest {
  file: Blob;
  contracts: UsageImportContract[];
  today: IsoDate;
}

/**
 * What the worker answers: progress while it checks the lines, then the valid
 * rows in slices of ROWS_PER_MESSAGE (decoding 145,000 rows in one message
 * would hold the main thread for a second), then the report without its rows
 * — or why it could not read the file.
 */
export type UsageParseMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'rows'; rows: UsageImportRow[] }
  | { kind: 'done'; report: UsageImportReport }
  | { kind: 'failed'; message: string };

export const ROWS_PER_MESSAGE = 10_000;
