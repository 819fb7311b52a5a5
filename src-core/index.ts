// Public API of the domain core (issue 3). Each module's rules and their § are
// listed in src-core/README.md.
export * from './errors';
export * from './dates';
export * from './money';
export * from './hash';
export * from './explain';
export * from './settings';
export * from './calendar';
export * from './pricing';
export * from './billing';
export * from './lifecycle';
export * from './model';
export * from './sync';
export * from './letters';
export * from './demo';
export * from './import';
export * from './export';
