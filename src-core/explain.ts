/**
 * Every computed date or amount shown to a user can explain its rule
 * (DOMAIN.md): the value, the clause of the CGV (§) it comes from and the rule
 * in one French sentence, ready for the UI and for letters.
 */
export interface Explained<T> {
  value: T;
  /** Source clause, e.g. "§1" or "§6.6"; legal texts are named in the rule. */
  clause: string;
  /** One French sentence, e.g. "Fin du mois suivant la réception du préavis." */
  rule: string;
}

export function explained<T>(value: T, clause: string, rule: string): Explained<T> {
  return { value, clause, rule };
}
