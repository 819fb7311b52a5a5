/** Lowercase without accents: "Éric" is found by "eric". Used for the stored search key and for what is typed. */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** French order of names, accents and case aside, numbers by value ("Lot 2" before "Lot 10"): the clients list's sort. */
export const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The clients list's first order (by legal name): its first screen's document is kept in it (portfolio-chunks.ts). */
export function byLegalName(a: { legalName: string }, b: { legalName: string }): number {
  return frenchCollator.compare(a.legalName, b.legalName);
}
