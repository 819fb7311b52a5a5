// Contract lifecycle: notices and their dates (§1, §5.2, §6.2, §6.6, §7.3,
// §7.4), dunning, the status machine and the list of a contract's deadlines
// (src-core/README.md).
export * from './termination-notice';
export * from './presumed-receipt';
export * from './price-change';
export * from './breach';
export * from './force-majeure';
export * from './non-solicitation';
export * from './liability-cap';
export * from './dunning';
export * from './contract-status';
export * from './deadlines';
export * from './stored-contract';
export * from './contract-state';
export * from './mrr-forecast';
export * from './tier-change';
