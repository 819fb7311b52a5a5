// Entity model (issue 4): zod schemas and types of every stored and synced
// record, shared by forms, CSV import, the data layer and the server.
export * from './identifiers';
export * from './client';
export * from './client-identity';
export * from './priceList';
export * from './contract';
export * from './contract-identity';
export * from './usage';
export * from './invoice';
export * from './platform-status';
export * from './payment';
export * from './letter';
export * from './registry';
export * from './validate';
