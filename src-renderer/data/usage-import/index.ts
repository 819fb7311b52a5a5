export { startUsageImport, type UsageImportSession } from './client';
export { checkUsageFile, PREVIEW_ROWS } from './check';
export type { UsageFileCheck, UsageImportMessage, UsagePreviewRow } from './protocol';
