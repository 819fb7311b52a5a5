import { useState, type FormEvent } from 'react';
import { useDataLayer } from '../../data';
import { setDeviceCode } from '../../data/invoicing';
import { useT } from '../../i18n';

/**
 * The laptop's series: standalone it numbers `F-AAAA-NNNNNN`; with the device
 * code granted by the central API, `F-AAAA-<code>-NNNN` (DOMAIN.md, Numbering).
 */
export function DeviceCodeForm({ code }: { code: string | null }) {
  const t = useT();
  const { ctx } = useDataLayer();
  const [value, setValue] = useState(code ?? '');
  const [feedback, setFeedback] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFeedback(null);
    try {
      const next = value.trim().toUpperCase();
      await setDeviceCode(ctx, next || undefined);
      setFeedback({ tone: 'success', text: t('settings.saved') });
    } catch (err) {
      setFeedback({ tone: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <form className="form settings-form" aria-labelledby="series-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="series-title">{t('settings.series.title')}</h2>
      <p className="muted">{t('settings.series.body')}</p>
      <div className="field">
        <label htmlFor="device-code">{t('settings.series.code')}</label>
        <input id="device-code" value={value} maxLength={10} onChange={(e) => setValue(e.target.value)} aria-describedby="device-code-hint" />
        <span className="field-hint" id="device-code-hint">{t('settings.series.hint')}</span>
      </div>
      {feedback ? <p className={`alert ${feedback.tone}`} role={feedback.tone === 'error' ? 'alert' : 'status'}>{feedback.text}</p> : null}
      <div><button type="submit" className="button primary">{t('settings.save')}</button></div>
    </form>
  );
}
