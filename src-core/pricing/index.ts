// Pricing (§1, §5.1, §6.1): price lists, usage against limits, covering tier,
// first-month proration, over-consumption. See src-core/README.md.
export * from './price-lists';
export * from './usage';
export * from './covering-tier';
export * from './proration';
export * from './over-consumption';
export * from './months-over';
