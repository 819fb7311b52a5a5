// Client file export for data portability (§3): CSV files and one XML document, as strings.
export * from './client-file';
export * from './client-file-csv';
export * from './client-file-xml';
export * from './labels';
export { CSV_BOM } from './csv-writer';
export * from './deadlines-csv';
