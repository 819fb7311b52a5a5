import { useState, type FormEvent } from 'react';
import { creditedByLine, formatEuros, parseEuros, remainingCreditable, type Invoice } from '../../../src-core';
import { LOCAL_ACTOR } from '../../components/actor';
import { TextField } from '../../components/FormField';
import { useDataLayer } from '../../data';
import { billingLines, createCreditNote } from '../../data/invoicing';
import { useT } from '../../i18n';

/**
 * A credit note on an issued document: cancel all that remains, or credit
 * chosen amounts (HT) line by line. What remains per line accounts for the
 * earlier credit notes; src-core refuses more, and the message says so.
 */
export function CreditNoteForm({ invoice, creditNotes, onDone }: { invoice: Invoice; creditNotes: readonly Invoice[]; onDone: (number: string) => void }) {
  const t = useT();
  const { ctx } = useDataLayer();
  const lines = billingLines(invoice);
  const remaining = remainingCreditable(lines, creditedByLine({ number: invoice.number ?? '', lines }, creditNotes));
  const [mode, setMode] = useState<'full' | 'partial'>('full');
  const [amounts, setAmounts] = useState<string[]>(() => lines.map(() => ''));
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const request = mode === 'full' ? 'full' : amounts.flatMap((text, lineIndex) => (text.trim() ? [{ lineIndex, netCents: parseEuros(text) }] : []));
      const note = await createCreditNote(ctx, invoice.id, request, LOCAL_ACTOR);
      onDone(note.number ?? '');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form className="card form credit-form" aria-labelledby="credit-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="credit-title">{t('invoices.credit.title', { number: invoice.number ?? '' })}</h2>
      <fieldset>
        <legend>{t('invoices.credit.mode')}</legend>
        <label className="radio">
          <input type="radio" name="credit-mode" checked={mode === 'full'} onChange={() => setMode('full')} />
          {t('invoices.credit.full', { amount: formatEuros(remaining.reduce((a, b) => a + b, 0)) })}
        </label>
        <label className="radio">
          <input type="radio" name="credit-mode" checked={mode === 'partial'} onChange={() => setMode('partial')} />
          {t('invoices.credit.partial')}
        </label>
      </fieldset>
      {mode === 'partial'
        ? lines.map((line, i) => (
            <TextField
              key={i}
              label={t('invoices.credit.lineAmount', { label: line.label })}
              hint={t('invoices.credit.remaining', { amount: formatEuros(remaining[i] ?? 0) })}
              inputMode="decimal"
              value={amounts[i] ?? ''}
              disabled={(remaining[i] ?? 0) === 0}
              onChange={(e) => setAmounts((a) => a.map((v, k) => (k === i ? e.target.value : v)))}
            />
          ))
        : null}
      {error ? <p className="alert error" role="alert">{error}</p> : null}
      <div>
        <button type="submit" className="button primary">{t('invoices.credit.submit')}</button>
      </div>
    </form>
  );
}
