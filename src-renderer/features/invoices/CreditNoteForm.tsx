import { useState, type FormEvent } from 'react';
import { creditedByLine, creditNoteLines, invoiceTotals, parseEuros, remainingCreditable, type BillingLine, type CreditRequest, type Invoice } from '../../../src-core';
import { currentActor } from '../../components/actor';
import { TextField } from '../../components/FormField';
import { useCommand } from '../../components/useCommand';
import { useDataLayer } from '../../data';
import { billingLines, createCreditNote } from '../../data/invoicing';
import { useSayError, useT, useFormat } from '../../i18n';
import { NextNumberNotice } from './NextNumberNotice';

/**
 * A credit note on an issued document: cancel all that remains, or credit
 * chosen amounts (HT) line by line. What remains per line accounts for the
 * earlier credit notes; src-core refuses more, and the message says so. A
 * credit note is numbered and can never be deleted: the form first states
 * what it will cancel (amounts, lines, the invoice's number and date) and
 * issues it only once confirmed, as one command. On a paid invoice it says
 * what the client will have paid beyond it, to refund or impute next.
 */
export function CreditNoteForm({ invoice, creditNotes, balanceCents, onDone }: { invoice: Invoice; creditNotes: readonly Invoice[]; balanceCents: number; onDone: (number: string) => void }) {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const { ctx } = useDataLayer();
  const lines = billingLines(invoice);
  const credited = { number: invoice.number ?? '', lines };
  const remaining = remainingCreditable(lines, creditedByLine(credited, creditNotes));
  const [mode, setMode] = useState<'full' | 'partial'>('full');
  const [amounts, setAmounts] = useState<string[]>(() => lines.map(() => ''));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ request: CreditRequest; lines: BillingLine[] } | null>(null);
  const command = useCommand();

  /** First step: the note's lines computed by src-core, or the reason it cannot be made. */
  const review = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const request: CreditRequest = mode === 'full' ? 'full' : amounts.flatMap((text, lineIndex) => (text.trim() ? [{ lineIndex, netCents: parseEuros(text) }] : []));
      setPending({ request, lines: creditNoteLines(credited, request, creditedByLine(credited, creditNotes)) });
    } catch (err) {
      setError(sayError(err));
    }
  };

  const confirm = (request: CreditRequest) =>
    void command.run(async (commandId) => {
      try {
        const note = await createCreditNote(ctx, invoice.id, request, currentActor(), commandId);
        onDone(note.number ?? '');
      } catch (err) {
        setPending(null);
        setError(sayError(err));
      }
    });

  if (pending) {
    const totals = invoiceTotals(pending.lines);
    return (
      <section className="card form credit-form" aria-labelledby="credit-title" role="alertdialog" aria-describedby="credit-summary">
        <h2 id="credit-title">{t('invoices.credit.confirmTitle', { number: invoice.number ?? '' })}</h2>
        <p id="credit-summary">
          {t('invoices.credit.confirmBody', { net: fmt.money(-totals.netCents), total: fmt.money(-totals.totalCents), number: invoice.number ?? '', date: fmt.date(invoice.issueDate) })}
        </p>
        <ul>
          {/* A line's label is the credit note's own French text (printed as is): marked so. */}
          {pending.lines.map((line, i) => (
            <li key={i}>
              <span lang="fr">{line.label}</span>
              {t('invoices.credit.pendingAmount', { amount: fmt.money(line.netCents) })}
            </li>
          ))}
        </ul>
        <NextNumberNotice kind="credit_note" />
        {/* Already paid beyond what the invoice will ask: say so before, the refund or offset is offered after (issue 16). */}
        {balanceCents + totals.totalCents < 0 ? <p className="alert warning">{t('invoices.credit.overpaid', { amount: fmt.money(-(balanceCents + totals.totalCents)) })}</p> : null}
        <p className="muted">{t('invoices.credit.confirmFinal')}</p>
        <div className="invoice-toolbar">
          <button type="button" className="button primary" disabled={command.busy} onClick={() => confirm(pending.request)}>{t('invoices.credit.confirm')}</button>
          <button type="button" className="button" disabled={command.busy} onClick={() => setPending(null)}>{t('invoices.credit.back')}</button>
        </div>
      </section>
    );
  }

  return (
    <form className="card form credit-form" aria-labelledby="credit-title" onSubmit={review} noValidate>
      <h2 id="credit-title">{t('invoices.credit.title', { number: invoice.number ?? '' })}</h2>
      <fieldset>
        <legend>{t('invoices.credit.mode')}</legend>
        <label className="radio">
          <input type="radio" name="credit-mode" checked={mode === 'full'} onChange={() => setMode('full')} />
          {t('invoices.credit.full', { amount: fmt.money(remaining.reduce((a, b) => a + b, 0)) })}
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
              hint={t('invoices.credit.remaining', { amount: fmt.money(remaining[i] ?? 0) })}
              inputMode="decimal"
              value={amounts[i] ?? ''}
              disabled={(remaining[i] ?? 0) === 0}
              onChange={(e) => setAmounts((a) => a.map((v, k) => (k === i ? e.target.value : v)))}
            />
          ))
        : null}
      {error ? <p className="alert error" role="alert">{error}</p> : null}
      <div>
        <button type="submit" className="button primary">{t('invoices.credit.review')}</button>
      </div>
    </form>
  );
}
