import { type Explained, type IsoDate } from '../../src-core';
import { useFormat, useSay } from '../i18n';

/**
 * The rule of an explained value followed by its clause, without the final
 * full stop: "Fin du mois suivant la réception du préavis (§1)". Some src-core
 * rules already end with their clause; it is not repeated.
 */
export function ruleWithClause({ rule, clause }: Pick<Explained<unknown>, 'rule' | 'clause'>): string {
  const sentence = rule.replace(/\.$/, '');
  return sentence.includes(`(${clause})`) ? sentence : `${sentence} (${clause})`;
}

/** `ruleWithClause` in the interface's language: src-core's message when it gave one, else its French rule. */
export function useRuleWithClause(): (explained: Pick<Explained<unknown>, 'rule' | 'clause' | 'message'>) => string {
  const say = useSay();
  return (explained) => ruleWithClause({ rule: say(explained), clause: explained.clause });
}

/**
 * A computed date with its reason, as DOMAIN.md asks of every computed value:
 * "30/04/2027 — Fin du mois suivant la réception du préavis (§1)".
 */
export function ExplainedDate({ date }: { date: Explained<IsoDate> }) {
  const withClause = useRuleWithClause();
  const fmt = useFormat();
  return (
    <span className="explained">
      <strong>{fmt.date(date.value)}</strong>
      <span className="explained-rule"> — {withClause(date)}</span>
    </span>
  );
}
