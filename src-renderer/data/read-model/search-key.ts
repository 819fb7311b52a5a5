/** Lowercase without accents: "Éric" is found by "eric". Used for the stored search key and for what is typed. */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
