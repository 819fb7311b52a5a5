import { useState, type FormEvent } from 'react';
import { formatEuros, parseEuros, PAYMENT_METHODS, type Invoice, type PaymentMethod } from '../../../src-core';
import { currentActor } from '../../components/actor';
import { SelectField, TextField } from '../../components/FormField';
import { useCommand } from '../../components/useCommand';
import { parisToday } from '../../components/today';
import { useDataLayer } from '../../data';
import { recordPayment } from '../../data/invoicing';
import { useSayError, useT, useFormat } from '../../i18n';

/**
 * Records a payment: date, amount in euros as typed ("1 234,56"), method and
 * reference. The amount is parsed exactly by src-core parseEuros; the data
 * layer refuses more than the balance, and the message says why.
 */
export function PaymentForm({ invoice, balanceCents }: { invoice: Invoice; balanceCents: number }) {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const { ctx } = useDataLayer();
  const [date, setDate] = useState(parisToday());
  const [amount, setAmount] = useState(formatEuros(balanceCents).replace(/\s*€$/, ''));
  const [method, setMethod] = useState<PaymentMethod>('virement');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [amountError, setAmountError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const command = useCommand();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void command.run(record);
  };

  const record = async (commandId: string) => {
    setError(null);
    setSaved(null);
    let amountCents: number;
    try {
      amountCents = parseEuros(amount);
      setAmountError(undefined);
    } catch (err) {
      setAmountError(sayError(err));
      return;
    }
    try {
      await recordPayment(ctx, { invoiceId: invoice.id, clientId: invoice.clientId, date, amountCents, method, reference, commandId }, currentActor());
      setSaved(t('invoices.payments.saved', { amount: fmt.money(amountCents) }));
      // The next payment is another amount: nothing is proposed until the person types it.
      setAmount('');
      setReference('');
    } catch (err) {
      setError(sayError(err));
    }
  };

  return (
    <form className="form payment-form" aria-labelledby="payment-form-title" onSubmit={submit} noValidate>
      <h3 id="payment-form-title">{t('invoices.payments.record')}</h3>
      <div className="form-row">
        <TextField label={t('invoices.payments.date')} type="date" required min={invoice.issueDate} max={parisToday()} value={date} onChange={(e) => setDate(e.target.value)} />
        <TextField label={t('invoices.payments.amount')} hint={t('invoices.payments.amountHint')} inputMode="decimal" required value={amount} error={amountError} onChange={(e) => setAmount(e.target.value)} />
        <SelectField label={t('invoices.payments.method')} value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
          {PAYMENT_METHODS.map((m) => <option key={m} value={m}>{t(`invoices.method.${m}`)}</option>)}
        </SelectField>
        <TextField label={t('invoices.payments.reference')} value={reference} onChange={(e) => setReference(e.target.value)} />
      </div>
      {error ? <p className="alert error" role="alert">{error}</p> : null}
      {saved ? <p className="alert success" role="status">{saved}</p> : null}
      <div>
        <button type="submit" className="button primary" disabled={command.busy}>{t('invoices.payments.submit')}</button>
      </div>
    </form>
  );
}
