export * from './mutation';
export * from './common';
export * from './pull';
export * from './push';
export * from './usage-ingest';
export * from './numbering';
export * from './reconcile';
export * from './routes';
