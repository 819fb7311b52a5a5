// Calendar of the contract: public holidays, business days, art. 641/642 CPC
// deadlines, Europe/Paris instants and support hours (src-core/README.md).
export * from './holidays';
export * from './action-deadline';
export * from './paris-time';
export * from './support';
