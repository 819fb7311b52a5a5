import { useId } from 'react';
import { TIER_CODES } from '../../../src-core';
import { SelectField, TextField } from '../../components/FormField';
import { useT, useFormat } from '../../i18n';
import { selectedIds, type FieldSpec, type FormValues, type UnpaidInvoice } from './compose-fields';

/** A multi-line field labelled like FormField's, with its French error announced. */
function TextArea({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  const id = useId();
  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={4} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error ? <span className="field-error" id={`${id}-error`}>{error}</span> : null}
    </div>
  );
}

/** The inputs of one letter kind, driven by its field list (compose-fields.ts). */
export function ComposeFields({ fields, values, onChange, errors, unpaid }: {
  fields: FieldSpec[];
  values: FormValues;
  onChange: (name: string, value: string) => void;
  errors: Record<string, string>;
  unpaid: UnpaidInvoice[];
}) {
  const fmt = useFormat();
  const t = useT();
  return (
    <>
      {fields.map((f) => {
        const label = f.optional ? `${t(f.label)} ${t('letters.optional')}` : t(f.label);
        const common = { label, error: errors[f.name], value: values[f.name] ?? '' };
        const set = (e: { target: { value: string } }) => onChange(f.name, e.target.value);
        switch (f.type) {
          case 'textarea':
          case 'lines':
            return <TextArea key={f.name} {...common} onChange={(v) => onChange(f.name, v)} />;
          case 'tier':
            return (
              <SelectField key={f.name} {...common} onChange={set}>
                <option value="">{t('letters.choose')}</option>
                {TIER_CODES.map((code) => <option key={code} value={code}>{code}</option>)}
              </SelectField>
            );
          case 'channel':
            return (
              <SelectField key={f.name} {...common} onChange={set}>
                <option value="registeredLetter">{t('letters.channel.registeredLetter')}</option>
                <option value="email">{t('letters.channel.email')}</option>
              </SelectField>
            );
          case 'invoice':
            return unpaid.length === 0 ? (
              <p key={f.name} className="alert warning">{t('letters.noUnpaid')}</p>
            ) : (
              <SelectField key={f.name} {...common} onChange={set}>
                {unpaid.map(({ invoice, balanceCents }) => (
                  <option key={invoice.id} value={invoice.id}>
                    {t('letters.invoiceOption', { number: invoice.number ?? '', due: fmt.date(invoice.dueDate), balance: fmt.money(balanceCents) })}
                  </option>
                ))}
              </SelectField>
            );
          case 'invoices': {
            // The invoices a formal notice names, each with its balance from the ledger; the total follows the choice.
            const chosen = selectedIds(values[f.name]);
            const toggle = (id: string, on: boolean) => onChange(f.name, unpaid.filter((u) => (u.invoice.id === id ? on : chosen.includes(u.invoice.id))).map((u) => u.invoice.id).join(','));
            if (unpaid.length === 0) return <p key={f.name} className="alert warning">{t('letters.noUnpaid')}</p>;
            return (
              <fieldset key={f.name} className="field" aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}>
                <legend>{label}</legend>
                {unpaid.map(({ invoice, balanceCents }) => (
                  <label key={invoice.id} className="checkbox">
                    <input type="checkbox" checked={chosen.includes(invoice.id)} onChange={(e) => toggle(invoice.id, e.target.checked)} />
                    {t('letters.invoiceOption', { number: invoice.number ?? '', due: fmt.date(invoice.dueDate), balance: fmt.money(balanceCents) })}
                  </label>
                ))}
                <p className="letter-muted" role="status">{t('letters.invoicesTotal', { total: fmt.money(unpaid.filter((u) => chosen.includes(u.invoice.id)).reduce((s, u) => s + u.balanceCents, 0)) })}</p>
                {errors[f.name] ? <span className="field-error" id={`${f.name}-error`}>{errors[f.name]}</span> : null}
              </fieldset>
            );
          }
          case 'euros':
            return <TextField key={f.name} {...common} inputMode="decimal" hint={t('letters.hint.euros')} onChange={set} />;
          default:
            return <TextField key={f.name} {...common} type={f.type} onChange={set} />;
        }
      })}
    </>
  );
}
