import { compareDates, DEFAULT_RULE_SETTINGS, dunningSchedule, type Invoice } from '../../../src-core';
import { parisToday } from '../../components/today';
import { useSetting } from '../../data';
import { useT, useFormat, useSay } from '../../i18n';
import { dunningLetterHref } from './dunning-letter';

/**
 * The dunning steps of an overdue invoice (§6.6), each with its date and rule;
 * the steps already due are proposed. The letters themselves are made in
 * Courriers; this panel says which one is due, from when, and opens the
 * letter of the step reached, prefilled with this invoice and its balance.
 */
export function DunningPanel({ invoice, daysLate }: { invoice: Invoice; daysLate: number }) {
  const fmt = useFormat();
  const t = useT();
  const say = useSay();
  const settings = useSetting('ruleSettings') ?? DEFAULT_RULE_SETTINGS;
  const today = parisToday();
  const steps = dunningSchedule(invoice.dueDate, settings);
  // The latest step reached is the letter to write now.
  const current = steps.filter((s) => compareDates(s.value, today) <= 0).at(-1);
  return (
    <section className="card invoice-section alert-card" aria-labelledby="dunning-title">
      <h2 id="dunning-title">{t('invoices.dunning.title', { days: daysLate })}</h2>
      <ol className="dunning-steps">
        {steps.map((s) => {
          const due = compareDates(s.value, today) <= 0;
          return (
            <li key={s.step} data-due={due}>
              <strong>{t(`code.dunningStep.${s.step}`)}</strong> — {t(due ? 'invoices.dunning.dueSince' : 'invoices.dunning.from', { date: fmt.date(s.value) })}
              <div className="muted">{say(s)} ({s.clause})</div>
              {s.step === current?.step ? <a className="button" href={dunningLetterHref(invoice, s.step)}>{t('invoices.dunning.write')}</a> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
