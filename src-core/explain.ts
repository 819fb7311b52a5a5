import { messageFr, type Message } from './messages';

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
  /** The same rule as a code and its values, for the interface's language (issue 19); absent on stored texts. */
  message?: Message;
}

export function explained<T>(value: T, clause: string, rule: string): Explained<T> {
  return { value, clause, rule };
}

/** An explained value whose rule is a message: French in `rule` (documents), the code for the screen. */
export function explainedMessage<T>(value: T, clause: string, message: Message): Explained<T> {
  return { value, clause, rule: messageFr(message), message };
}
