// Imports (issue 4): the hosting platform's monthly usage CSV, parsed and checked, never written here.
export * from './csv-reader';
export * from './usage-csv';
