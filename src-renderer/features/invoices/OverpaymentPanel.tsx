import { useRef, useState, type FormEvent } from 'react';
import { formatEuros, parseEuros, PAYMENT_METHODS, type Invoice, type PaymentMethod } from '../../../src-core';
import { currentActor } from '../../components/actor';
import { SelectField, TextField } from '../../components/FormField';
import { parisToday } from '../../components/today';
import { useCommand } from '../../components/useCommand';
import { useDataLayer } from '../../data';
import { offsetOnNextInvoice, recordRefund } from '../../data/invoicing';
import { useSayError, useT, useFormat } from '../../i18n';

type RefundMethod = Exclude<PaymentMethod, 'compensation'>;
const REFUND_METHODS = PAYMENT_METHODS.filter((m): m is RefundMethod => m !== 'compensation');
const typedEuros = (cents: number) => formatEuros(cents).replace(/\s*€$/, '');

/**
 * A credit note left the invoice overpaid (issue 16): the client paid more than
 * it now asks. Two ways out, each one command: refund the client (date, means,
 * amount, reference), or impute the amount on the client's next invoice, which
 * will state "Avoir n° … imputé" and ask that much less. The data layer refuses
 * more than the overpayment, and the message says so. The page announces what
 * was recorded (the panel goes once nothing is left over).
 */
export function OverpaymentPanel({ invoice, creditNote, overpaidCents, onDone }: { invoice: Invoice; creditNote: Invoice; overpaidCents: number; onDone: (text: string) => void }) {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const { ctx } = useDataLayer();
  const [choice, setChoice] = useState<'refund' | 'offset'>('refund');
  const [date, setDate] = useState(parisToday());
  const [amount, setAmount] = useState(typedEuros(overpaidCents));
  const [method, setMethod] = useState<RefundMethod>('virement');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const command = useCommand();
  // A recorded entry stays recorded until the person changes the form: a second click landing after
  // the first one finished (a double click on a fast write) is then not a new intent. A ref, since
  // that click can come before React renders the disabled button.
  const recorded = useRef(false);
  const [isRecorded, setRecorded] = useState(false);
  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    recorded.current = false;
    setRecorded(false);
    set(value);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (recorded.current) return;
    void command.run(async (commandId) => {
      setError(null);
      try {
        const amountCents = parseEuros(amount);
        if (choice === 'refund') await recordRefund(ctx, { creditNoteId: creditNote.id, date, amountCents, method, reference }, currentActor(), commandId);
        else await offsetOnNextInvoice(ctx, { creditNoteId: creditNote.id, amountCents }, currentActor(), commandId);
        recorded.current = true;
        setRecorded(true);
        onDone(t(choice === 'refund' ? 'invoices.refund.done' : 'invoices.offset.done', { amount: fmt.money(amountCents) }));
      } catch (err) {
        setError(sayError(err));
      }
    });
  };

  return (
    <form className="card form invoice-section alert-card" aria-labelledby="overpaid-title" onSubmit={submit} noValidate>
      <h2 id="overpaid-title">{t('invoices.overpaid.title', { amount: fmt.money(overpaidCents) })}</h2>
      <p>{t('invoices.overpaid.help', { number: creditNote.number ?? '', invoice: invoice.number ?? '', amount: fmt.money(overpaidCents) })}</p>
      <fieldset>
        <legend>{t('invoices.overpaid.choice')}</legend>
        <label className="radio">
          <input type="radio" name="overpaid-choice" checked={choice === 'refund'} onChange={() => edit(setChoice)('refund')} />
          {t('invoices.overpaid.refund')}
        </label>
        <label className="radio">
          <input type="radio" name="overpaid-choice" checked={choice === 'offset'} onChange={() => edit(setChoice)('offset')} />
          {t('invoices.overpaid.offset')}
        </label>
      </fieldset>
      <div className="form-row">
        {choice === 'refund' ? <TextField label={t('invoices.refund.date')} type="date" required min={creditNote.issueDate} max={parisToday()} value={date} onChange={(e) => edit(setDate)(e.target.value)} /> : null}
        <TextField label={t(choice === 'refund' ? 'invoices.refund.amount' : 'invoices.offset.amount')} hint={t('invoices.payments.amountHint')} inputMode="decimal" required value={amount} onChange={(e) => edit(setAmount)(e.target.value)} />
        {choice === 'refund' ? (
          <>
            <SelectField label={t('invoices.refund.method')} value={method} onChange={(e) => edit(setMethod)(e.target.value as RefundMethod)}>
              {REFUND_METHODS.map((m) => <option key={m} value={m}>{t(`invoices.method.${m}`)}</option>)}
            </SelectField>
            <TextField label={t('invoices.payments.reference')} value={reference} onChange={(e) => edit(setReference)(e.target.value)} />
          </>
        ) : null}
      </div>
      {error ? <p className="alert error" role="alert">{error}</p> : null}
      <div>
        <button type="submit" className="button primary" disabled={command.busy || isRecorded}>{t(choice === 'refund' ? 'invoices.refund.submit' : 'invoices.offset.submit')}</button>
      </div>
    </form>
  );
}
