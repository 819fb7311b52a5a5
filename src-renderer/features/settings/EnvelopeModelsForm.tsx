import { useState, type FormEvent } from 'react';
import { envelopeModelSchema, parseEntity, type EnvelopeModel } from '../../../src-core';
import { currentActor } from '../../components/actor';
import { TextField } from '../../components/FormField';
import { useCommands } from '../../data';
import { useSayError, useEnvelopeName, useT, type MessageKey } from '../../i18n';
import { printCalibration } from '../../components/print-calibration';
import { useLeaveGuard } from '../../components/useLeaveGuard';

const OFFSETS = ['windowLeftMm', 'windowTopMm', 'windowWidthMm', 'windowHeightMm'] as const;
type Offsets = Record<(typeof OFFSETS)[number], string>;

const toOffsets = (m: EnvelopeModel): Offsets => Object.fromEntries(OFFSETS.map((k) => [k, String(m[k]).replace('.', ',')])) as Offsets;
/** Millimetres typed the French way ("52,5"). */
const mm = (text: string) => Number(text.replace(',', '.').trim());

/**
 * Window-envelope models (DL, C5): where the address window sits, in mm from
 * the sheet's top-left, so the recipient block of letters lands in it. The
 * calibration page prints the window's frame to check a printer's alignment.
 */
export function EnvelopeModelsForm({ models }: { models: EnvelopeModel[] }) {
  const sayError = useSayError();
  const t = useT();
  const envelopeName = useEnvelopeName();
  const commands = useCommands();
  const [values, setValues] = useState(() => models.map(toOffsets));
  const [feedback, setFeedback] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const leave = useLeaveGuard(JSON.stringify(values) !== JSON.stringify(models.map(toOffsets)));
  const edited = () => models.map((m, i) => parseEntity(envelopeModelSchema, { ...m, ...Object.fromEntries(OFFSETS.map((k) => [k, mm(values[i]![k])])) }, `Enveloppe ${m.id}`));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFeedback(null);
    try {
      await commands.settings.set('envelopeModels', edited(), currentActor());
      setFeedback({ tone: 'success', text: t('settings.saved') });
    } catch (err) {
      setFeedback({ tone: 'error', text: sayError(err) });
    }
  };
  const calibrate = (i: number) => {
    try {
      void printCalibration(edited()[i]!);
    } catch (err) {
      setFeedback({ tone: 'error', text: sayError(err) });
    }
  };

  return (
    <form className="form settings-form" aria-labelledby="envelopes-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="envelopes-title">{t('settings.envelopes.title')}</h2>
      {models.map((m, i) => (
        <fieldset key={m.id} className="envelope-model">
          <legend>{envelopeName(m)}</legend>
          <div className="form-grid">
            {OFFSETS.map((k) => (
              <TextField key={k} label={t(`settings.envelopes.${k}` as MessageKey)} inputMode="decimal" value={values[i]![k]} onChange={(e) => setValues((v) => v.map((o, j) => (j === i ? { ...o, [k]: e.target.value } : o)))} />
            ))}
          </div>
          <button type="button" className="button" onClick={() => calibrate(i)}>{t('settings.envelopes.calibrate', { model: m.id })}</button>
        </fieldset>
      ))}
      {feedback ? <p className={`alert ${feedback.tone}`} role={feedback.tone === 'error' ? 'alert' : 'status'}>{feedback.text}</p> : null}
      <div><button type="submit" className="button primary">{t('settings.save')}</button></div>
      {leave.dialog}
    </form>
  );
}
