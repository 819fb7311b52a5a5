import { compareDates, DEFAULT_RULE_SETTINGS, DUNNING_STEP_LABELS, dunningSchedule, formatDateFr, type IsoDate } from '../../../src-core';
import { parisToday } from '../../components/today';
import { useSetting } from '../../data';
import { useT } from '../../i18n';

/**
 * The dunning steps of an overdue invoice (§6.6), each with its date and rule;
 * the steps already due are proposed. The letters themselves are made in
 * Courriers; this panel says which one is due and from when.
 */
export function DunningPanel({ dueDate, daysLate }: { dueDate: IsoDate; daysLate: number }) {
  const t = useT();
  const settings = useSetting('ruleSettings') ?? DEFAULT_RULE_SETTINGS;
  const today = parisToday();
  const steps = dunningSchedule(dueDate, settings);
  return (
    <section className="card invoice-section alert-card" aria-labelledby="dunning-title">
      <h2 id="dunning-title">{t('invoices.dunning.title', { days: daysLate })}</h2>
      <ol className="dunning-steps">
        {steps.map((s) => {
          const due = compareDates(s.value, today) <= 0;
          return (
            <li key={s.step} data-due={due}>
              <strong>{DUNNING_STEP_LABELS[s.step]}</strong> — {t(due ? 'invoices.dunning.dueSince' : 'invoices.dunning.from', { date: formatDateFr(s.value) })}
              <div className="muted">{s.rule} ({s.clause})</div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
