// The business invariants written once (ARCHITECTURE.md, data flow 4 and 4b):
// the laptop's commands and the central API's apply-mutation call these.
// See src-core/README.md, "rules".
export * from './verdict';
export * from './issued-documents';
export * from './payments';
export * from './credit-notes';
export * from './letters';
export * from './contracts';
