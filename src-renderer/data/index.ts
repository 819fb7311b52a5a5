// The data layer (issue 4): the only code that talks to Dexie. Screens use the
// hooks and `useRepositories()` (reads), and act through `useCommands()`; every record write
// passes through the write gateway (writes/gateway.ts).
export { createDatabase, ContratsDb, DEFAULT_DATABASE_NAME, type AuditEntry, type DatabaseOptions, type OutboxEntry, type SeriesState, type SettingEntry, type SyncStateEntry } from './db';
export { MIGRATIONS, type Migration } from './migrations';
export { recordTables, sharesRows, type ContractStore, type InvoiceStore, type RecordStore } from './record-store';
export { READ_MODEL, type AppliedWrite, type ReadModelMaintainer, type ReadModelSources } from './read-model/maintainers';
export type { ClientRow } from './client-rows';
export { createDataContext, parisToday, type DataContext } from './context';
export { openDataLayer, type DataLayer } from './open';
export { createRepositories, type Repositories } from './repositories';
export { readOutbox } from './outbox';
export { createCommands, type Commands } from './commands';
export type { ContractPatch, NewContract } from './commands/contracts';
export type { UsageImportRow } from './commands/usage';
export * from './read-model';
export type { InvoiceFilter } from './repositories/invoices';
export type { LetterFilter } from './repositories/letters';
export { readSetting, writeSetting, type SettingKey, type SettingValues } from './repositories/settings';
export { bulkLoad, bulkLoadRecords, loadDemoPortfolio, type BulkLoadOptions, type BulkProgress, type BulkRecords, type DemoLoadOptions } from './bulk';
export { DataProvider, useCommands, useDataLayer, useRepositories } from './provider';
export * from './hooks';
export * from './contract-life';
export * from './usage-import';
