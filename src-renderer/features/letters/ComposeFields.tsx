import { useId } from 'react';
import { TIER_CODES } from '../../../src-core';
import { SelectField, TextField } from '../../components/FormField';
import { formatDateFr, formatEuros } from '../../../src-core';
import { useT } from '../../i18n';
import type { FieldSpec, FormValues, UnpaidInvoice } from './compose-fields';

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
                    {t('letters.invoiceOption', { number: invoice.number ?? '', due: formatDateFr(invoice.dueDate), balance: formatEuros(balanceCents) })}
                  </option>
                ))}
              </SelectField>
            );
          case 'euros':
            return <TextField key={f.name} {...common} inputMode="decimal" hint={t('letters.hint.euros')} onChange={set} />;
          default:
            return <TextField key={f.name} {...common} type={f.type} onChange={set} />;
        }
      })}
    </>
  );
}
