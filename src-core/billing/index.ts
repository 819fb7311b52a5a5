// Billing (§1, §5.1, §5.3, §6.1, §6.6): periods and dates, monthly lines,
// invoice drafts, VAT, totals, mentions, late surcharge, credit notes,
// numbering. See src-core/README.md.
export * from './vat';
export * from './lines';
export * from './totals';
export * from './mentions';
export * from './periods';
export * from './monthly-lines';
export * from './invoice-draft';
export * from './late-surcharge';
export * from './credit-note';
export * from './numbering';
export * from './settlement';
export * from './credited-lines';
export * from './contract-month';
export * from './overrun-facts';
export * from './payment-rules';
export * from './credit-use';
export * from './invoice-kinds';
