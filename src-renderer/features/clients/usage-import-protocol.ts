import type { IsoDate, UsageImportContract, UsageImportReport } from '../../../src-core';

/** What the screen sends the usage-import worker: the chosen file (read in the worker) and the contracts it may name. */
export interface UsageParseRequest {
  file: Blob;
  contracts: UsageImportContract[];
  today: IsoDate;
}

/** What the worker answers: progress while it checks the lines, then the report (or why it could not read the file). */
export type UsageParseMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; report: UsageImportReport }
  | { kind: 'failed'; message: string };
