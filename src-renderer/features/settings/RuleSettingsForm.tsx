import { useState, type FormEvent } from 'react';
import { DEFAULT_RULE_SETTINGS, dunningSchedule, parseEntity, ruleSettingsSchema, type RuleSettings } from '../../../src-core';
import { currentActor } from '../../components/actor';
import { TextField } from '../../components/FormField';
import { useCommands } from '../../data';
import { useSayError, useT, type MessageKey } from '../../i18n';
import { useLeaveGuard } from '../../components/useLeaveGuard';

const DAY_FIELDS = ['paymentTermDays', 'presumedReceiptDays', 'dunningReminderDays', 'dunningFormalNoticeDays', 'dunningTerminationDays', 'formalNoticePaymentDays'] as const;
const SWITCHES = ['recoveryIndemnityOnSurcharge', 'alsaceMoselle'] as const;

/** The rule settings of DOMAIN.md (payment term, dunning days, indemnity line, Alsace-Moselle days), checked by src-core before saving. */
export function RuleSettingsForm({ settings }: { settings: RuleSettings }) {
  const sayError = useSayError();
  const t = useT();
  const commands = useCommands();
  const [days, setDays] = useState(() => Object.fromEntries(DAY_FIELDS.map((k) => [k, String(settings[k] ?? DEFAULT_RULE_SETTINGS[k])])) as Record<(typeof DAY_FIELDS)[number], string>);
  const [switches, setSwitches] = useState(() => Object.fromEntries(SWITCHES.map((k) => [k, settings[k]])) as Record<(typeof SWITCHES)[number], boolean>);
  const [feedback, setFeedback] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const leave = useLeaveGuard(DAY_FIELDS.some((k) => days[k] !== String(settings[k] ?? DEFAULT_RULE_SETTINGS[k])) || SWITCHES.some((k) => switches[k] !== settings[k]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFeedback(null);
    try {
      const next = parseEntity(ruleSettingsSchema, { ...Object.fromEntries(DAY_FIELDS.map((k) => [k, Number(days[k])])), ...switches }, 'Paramètres des règles');
      // The dunning steps must follow each other; src-core says which one does not.
      dunningSchedule('2026-01-01', next);
      await commands.settings.set('ruleSettings', next, currentActor());
      setFeedback({ tone: 'success', text: t('settings.saved') });
    } catch (err) {
      setFeedback({ tone: 'error', text: sayError(err) });
    }
  };

  return (
    <form className="form settings-form" aria-labelledby="rules-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="rules-title">{t('settings.rules.title')}</h2>
      <div className="form-grid">
        {DAY_FIELDS.map((k) => (
          <TextField key={k} label={t(`settings.rules.${k}` as MessageKey)} type="number" min={0} inputMode="numeric" value={days[k]} onChange={(e) => setDays((d) => ({ ...d, [k]: e.target.value }))} />
        ))}
      </div>
      {SWITCHES.map((k) => (
        <label key={k} className="checkbox">
          <input type="checkbox" checked={switches[k]} onChange={(e) => setSwitches((s) => ({ ...s, [k]: e.target.checked }))} />
          {t(`settings.rules.${k}` as MessageKey)}
        </label>
      ))}
      {feedback ? <p className={`alert ${feedback.tone}`} role={feedback.tone === 'error' ? 'alert' : 'status'}>{feedback.text}</p> : null}
      <div><button type="submit" className="button primary">{t('settings.save')}</button></div>
      {leave.dialog}
    </form>
  );
}
