import { Fragment, useState } from 'react';
import { INVOICE_KIND_NAMES, kindOfSeries, overpaymentCents, seriesPrefixOf, type Invoice, type Payment } from '../../../src-core';
import { currentActor, useSayActor } from '../../components/actor';
import { TextField } from '../../components/FormField';
import { useCommand } from '../../components/useCommand';
import { useAuditOfClient, useClient, useDataLayer, useCommands } from '../../data';
import { cancelPayment, createLateSurcharge, printableDocument, useAwaitingCentralIssue, useDocumentLedger, type DocumentLedger } from '../../data/invoicing';
import { useSayError, useFormat, useSay, useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href, navigate } from '../../components/router';
import { CreditNoteForm } from './CreditNoteForm';
import { DunningPanel } from './DunningPanel';
import { OverpaymentPanel } from './OverpaymentPanel';
import { documentTitle } from './labels';
import { printDocumentPdf, saveDocumentPdf } from './output';
import { PaymentForm } from './PaymentForm';
import { PlatformBadge, PlatformPanel } from './PlatformStatus';
import { StatusBadge } from './StatusBadge';
import { DeviceSeriesFallback, NextNumberNotice } from './NextNumberNotice';
import { CentralIssueError, issueInChosenSeries } from './issue-series';
import { useConnectedEngine } from '../../sync/session';

/** `fallback`: the central API could not be reached and nothing was sent: the laptop's series is offered. */
type Feedback = { tone: 'success' | 'error'; text: string; fallback?: boolean } | null;

/** #/factures/<id> — one document: its lines, totals, payments, related documents, history and actions. */
export function InvoicePage({ id }: { id: string }) {
  const t = useT();
  const doc = useDocumentLedger(id);
  if (doc === undefined) return <PageHeader title={t('nav.invoices')} subtitle={t('invoices.loading')} />;
  if (doc === null) {
    return (
      <>
        <PageHeader title={t('invoices.page.notFound')} />
        <a href={href('/factures')}>{t('invoices.page.backToList')}</a>
      </>
    );
  }
  return <InvoiceView doc={doc} />;
}

function InvoiceView({ doc }: { doc: DocumentLedger }) {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const say = useSay();
  const { ctx } = useDataLayer();
  const commands = useCommands();
  const { invoice, settlement } = doc;
  const client = useClient(invoice.clientId);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [creditOpen, setCreditOpen] = useState(false);
  const command = useCommand();
  const engine = useConnectedEngine();
  const awaiting = useAwaitingCentralIssue(invoice.id);
  const seriesKind = kindOfSeries(seriesPrefixOf(invoice.kind));
  const title = `${t(INVOICE_KIND_NAMES[invoice.kind].labelKey)} ${documentTitle(invoice, t('invoices.status.draft'), fmt)}`;

  const act = async (work: () => Promise<unknown>, done?: string) => {
    setFeedback(null);
    try {
      await work();
      if (done) setFeedback({ tone: 'success', text: done });
    } catch (e) {
      setFeedback({ tone: 'error', text: sayError(e) });
    }
  };
  /** A creating action: one command, its button disabled while it runs, a second click ignored. */
  const create = (work: (commandId: string) => Promise<unknown>, done: string) => void command.run((commandId) => act(() => work(commandId), done));
  const pdf = (how: 'save' | 'print') =>
    act(async () => {
      const batch = await printableDocument(ctx, invoice.id);
      if (how === 'save') await saveDocumentPdf(batch);
      else await printDocumentPdf(batch);
    });
  const deleteDraft = () => {
    if (!window.confirm(t('invoices.page.deleteConfirm'))) return;
    void act(async () => {
      await commands.invoices.deleteDraft(invoice.id, currentActor());
      navigate('/factures', { mois: invoice.period });
    });
  };
  /** Issuing in the series the notice shows (central API or this laptop's): see issue-series. */
  const issue = (deviceOnly: boolean) =>
    void command.run(async (commandId) => {
      setFeedback(null);
      try {
        const { issued, central } = await issueInChosenSeries(ctx, engine, [invoice.id], commandId, { deviceOnly });
        const number = issued[0]?.number;
        setFeedback({ tone: 'success', text: central && number ? t('issueSeries.issuedCentral', { number }) : t('invoices.page.issued') });
      } catch (e) {
        setFeedback({ tone: 'error', text: sayError(e), fallback: e instanceof CentralIssueError && e.fallback });
      }
    });
  const canCredit = invoice.status === 'issued' && invoice.kind !== 'credit_note' && settlement?.status.value !== 'credited';
  // A credit note left it overpaid: the last one names the refund or the offset (issue 16).
  const overpaidBy = settlement ? overpaymentCents(settlement) : 0;
  const lastCreditNote = doc.creditNotes.filter((c) => c.status === 'issued').at(-1);
  const canSurcharge = invoice.kind === 'invoice' && settlement?.status.value === 'overdue' && doc.surcharges.length === 0;

  return (
    <>
      <PageHeader
        title={title}
        subtitle={<>{client?.legalName ?? invoice.buyer?.legalName} · <StatusBadge status={doc.status} /> <PlatformBadge invoice={invoice} /></>}
        actions={
          <>
            {invoice.status === 'draft' ? (
              <>
                <button type="button" className="button primary" disabled={command.busy} onClick={() => issue(false)}>{t('invoices.page.issue')}</button>
                <button type="button" className="button danger" onClick={deleteDraft}>{t('invoices.page.deleteDraft')}</button>
              </>
            ) : null}
            <button type="button" className="button" onClick={() => void pdf('save')}>{t('invoices.page.savePdf')}</button>
            <button type="button" className="button" onClick={() => void pdf('print')}>{t('invoices.page.print')}</button>
            {canCredit ? <button type="button" className="button" aria-expanded={creditOpen} onClick={() => setCreditOpen((o) => !o)}>{t('invoices.page.creditNote')}</button> : null}
            {canSurcharge ? (
              <button type="button" className="button danger" disabled={command.busy} onClick={() => create((commandId) => createLateSurcharge(ctx, invoice.id, currentActor(), commandId), t('invoices.page.surchargeDone'))}>{t('invoices.page.surcharge')}</button>
            ) : null}
          </>
        }
      />
      {invoice.status === 'draft' ? <NextNumberNotice kind={seriesKind} choosable /> : null}
      {invoice.status === 'draft' && awaiting ? <p className="alert error" role="alert">{t('issueSeries.awaiting', fmt.parisMoment(awaiting.at))}</p> : null}
      {feedback ? <p className={`alert ${feedback.tone}`} role={feedback.tone === 'error' ? 'alert' : 'status'}>{feedback.text}</p> : null}
      {feedback?.fallback && invoice.status === 'draft' ? <DeviceSeriesFallback kind={seriesKind} busy={command.busy} onIssue={() => issue(true)} /> : null}
      {creditOpen && canCredit ? <CreditNoteForm invoice={invoice} creditNotes={doc.creditNotes} balanceCents={settlement?.balanceCents ?? 0} onDone={(number) => { setCreditOpen(false); setFeedback({ tone: 'success', text: t('invoices.credit.done', { number }) }); }} /> : null}
      <div className="invoice-grid">
        <Facts doc={doc} clientName={client?.legalName} />
        {settlement ? (
          <section className="card" aria-labelledby="balance-title">
            <h2 id="balance-title">{t('invoices.page.balance')}</h2>
            <dl className="facts">
              <dt>{t('invoices.col.total')}</dt><dd>{fmt.money(invoice.totals.totalCents)}</dd>
              {settlement.creditedCents ? <><dt>{t('invoices.page.credited')}</dt><dd>−{fmt.money(settlement.creditedCents)}</dd></> : null}
              {doc.offsetsIn.map(({ offset, creditNote }) => (
                <Fragment key={offset.id}><dt>{t('invoices.page.imputed', { number: creditNote?.number ?? '' })}</dt><dd>−{fmt.money(offset.amountCents)}</dd></Fragment>
              ))}
              {settlement.offsetInCents ? <><dt>{t('invoices.page.toPay')}</dt><dd>{fmt.money(invoice.totals.totalCents - settlement.creditedCents - settlement.offsetInCents)}</dd></> : null}
              <dt>{t('invoices.page.paid')}</dt><dd>{fmt.money(settlement.paidCents)}</dd>
              {settlement.refundedCents ? <><dt>{t('invoices.page.refunded')}</dt><dd>−{fmt.money(settlement.refundedCents)}</dd></> : null}
              {settlement.offsetOutCents ? <><dt>{t('invoices.page.offsetOut')}</dt><dd>−{fmt.money(settlement.offsetOutCents)}</dd></> : null}
              <dt>{t('invoices.col.balance')}</dt><dd data-testid="balance"><strong>{fmt.money(settlement.balanceCents)}</strong></dd>
            </dl>
            <p className="muted">{say(settlement.status)}</p>
          </section>
        ) : null}
      </div>
      <PlatformPanel invoice={invoice} canCredit={canCredit} onCreditNote={() => setCreditOpen(true)} />
      {overpaidBy && lastCreditNote ? (
        <OverpaymentPanel invoice={invoice} creditNote={lastCreditNote} overpaidCents={overpaidBy} onDone={(text) => setFeedback({ tone: 'success', text })} />
      ) : null}
      {settlement?.status.value === 'overdue' && invoice.kind === 'invoice' ? <DunningPanel invoice={invoice} daysLate={settlement.daysLate} /> : null}
      <Lines invoice={invoice} />
      {settlement ? <Payments doc={doc} /> : null}
      <Related doc={doc} />
      <History doc={doc} />
    </>
  );
}

function Facts({ doc, clientName }: { doc: DocumentLedger; clientName: string | undefined }) {
  const fmt = useFormat();
  const t = useT();
  const { invoice } = doc;
  const reference = doc.credited ?? doc.surcharged;
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('invoices.page.facts')}</h2>
      <dl className="facts">
        <dt>{t('invoices.col.client')}</dt>
        <dd><a href={href(`/clients/${invoice.clientId}`)}>{clientName ?? invoice.buyer?.legalName ?? invoice.clientId}</a></dd>
        <dt>{t('invoices.col.date')}</dt><dd>{fmt.date(invoice.issueDate)}</dd>
        {invoice.period ? <><dt>{t('invoices.page.period')}</dt><dd>{fmt.month(invoice.period)}</dd></> : null}
        <dt>{t('invoices.col.due')}</dt><dd>{fmt.date(invoice.dueDate)}</dd>
        {reference ? <><dt>{t('invoices.page.refersTo')}</dt><dd><a href={href(`/factures/${reference.id}`)}>{reference.number}</a></dd></> : null}
        {invoice.vatMention ? <><dt>{t('invoices.page.vatMention')}</dt><dd lang="fr">{invoice.vatMention}</dd></> : null}
      </dl>
    </section>
  );
}

function Lines({ invoice }: { invoice: Invoice }) {
  const fmt = useFormat();
  const t = useT();
  const rate = (r: number) => `${String(r).replace('.', ',')} %`;
  return (
    <section className="card invoice-section" aria-labelledby="lines-title">
      <h2 id="lines-title">{t('invoices.page.lines')}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('invoices.col.label')}</th>
            <th scope="col" className="num">{t('invoices.col.quantity')}</th>
            <th scope="col" className="num">{t('invoices.col.unitPrice')}</th>
            <th scope="col" className="num">{t('invoices.col.vatRate')}</th>
            <th scope="col" className="num">{t('invoices.col.net')}</th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((l, i) => (
            <tr key={i}>
              <td lang="fr">{l.label}{l.explanation ? <div className="muted line-rule">{l.explanation.rule}</div> : null}</td>
              <td className="num">{l.quantity}</td>
              <td className="num">{fmt.money(l.unitPriceCents)}</td>
              <td className="num">{rate(l.vatRatePercent)}</td>
              <td className="num">{fmt.money(l.netCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row" colSpan={4}>{t('invoices.col.net')}</th><td className="num">{fmt.money(invoice.totals.netCents)}</td></tr>
          {invoice.totals.byRate.map((r) => (
            <tr key={r.ratePercent}>
              <th scope="row" colSpan={4}>{t('invoices.page.vatAt', { rate: rate(r.ratePercent), base: fmt.money(r.baseCents) })}</th>
              <td className="num">{fmt.money(r.vatCents)}</td>
            </tr>
          ))}
          <tr><th scope="row" colSpan={4}>{t('invoices.col.total')}</th><td className="num" data-testid="total"><strong>{fmt.money(invoice.totals.totalCents)}</strong></td></tr>
        </tfoot>
      </table>
    </section>
  );
}

function Payments({ doc }: { doc: DocumentLedger }) {
  const t = useT();
  const entryLabel = useEntryLabel();
  const balance = doc.settlement?.balanceCents ?? 0;
  return (
    <section className="card invoice-section" aria-labelledby="payments-title">
      <h2 id="payments-title">{t('invoices.payments.title')}</h2>
      {doc.payments.length === 0 ? (
        <p className="muted">{t('invoices.payments.none')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('invoices.payments.date')}</th>
              <th scope="col">{t('invoices.payments.method')}</th>
              <th scope="col">{t('invoices.payments.reference')}</th>
              <th scope="col" className="num">{t('invoices.payments.amount')}</th>
              <th scope="col">{t('invoices.payments.status')}</th>
            </tr>
          </thead>
          <tbody>
            {doc.payments.map((p) => <PaymentRow key={p.id} payment={p} what={entryLabel(p, doc, p.offsetInvoiceId ? doc.numberOf(p.offsetInvoiceId) : undefined)} />)}
          </tbody>
        </table>
      )}
      {balance > 0 ? <PaymentForm invoice={doc.invoice} balanceCents={balance} /> : null}
    </section>
  );
}

/** What a settlement entry is, beside a payment received: a refund, or the overpayment imputed on another invoice. */
function useEntryLabel() {
  const t = useT();
  return (payment: Payment, doc: DocumentLedger, imputedOn: string | undefined) => {
    const note = doc.creditNotes.find((c) => c.id === payment.creditNoteId)?.number ?? '';
    if (payment.kind === 'refund') return t('invoices.entry.refund', { number: note });
    if (payment.kind === 'offset') return imputedOn ? t('invoices.entry.offsetOn', { number: imputedOn, note }) : t('invoices.entry.offsetPending', { number: note });
    return undefined;
  };
}

/** A payment, and its cancellation with a reason (kept, audited and synced; it no longer counts). */
function PaymentRow({ payment, what }: { payment: Payment; what: string | undefined }) {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const { ctx } = useDataLayer();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const command = useCommand();
  const cancel = () =>
    void command.run(async () => {
      setError(null);
      try {
        await cancelPayment(ctx, payment.id, reason, currentActor());
        setAsking(false);
      } catch (e) {
        setError(sayError(e));
      }
    });
  const cancelled = payment.cancelledOn !== undefined;
  return (
    <tr className={cancelled ? 'cancelled' : undefined}>
      <td>{fmt.date(payment.date)}</td>
      <td>{t(`invoices.method.${payment.method}`)}{what ? <div className="muted">{what}</div> : null}</td>
      <td>{payment.reference || '—'}</td>
      <td className="num">{cancelled ? <s>{fmt.money(payment.amountCents)}</s> : fmt.money(payment.amountCents)}</td>
      <td>
        {cancelled ? (
          t('invoices.payments.cancelled', { date: fmt.date(payment.cancelledOn!), reason: payment.cancellationReason ?? '' })
        ) : payment.offsetInvoiceId ? (
          t('invoices.payments.counted')
        ) : asking ? (
          <div className="form">
            <TextField label={t('invoices.payments.cancelReason')} hint={t('invoices.payments.cancelReasonHint')} value={reason} required autoFocus onChange={(e) => setReason(e.target.value)} />
            {error ? <p className="alert error" role="alert">{error}</p> : null}
            <button type="button" className="button danger" disabled={command.busy} onClick={cancel}>{t('invoices.payments.cancelConfirm')}</button>{' '}
            <button type="button" className="button" onClick={() => setAsking(false)}>{t('invoices.payments.cancelBack')}</button>
          </div>
        ) : (
          <>
            {t('invoices.payments.counted')}{' '}
            <button type="button" className="button" onClick={() => setAsking(true)}>{t('invoices.payments.cancel')}</button>
          </>
        )}
      </td>
    </tr>
  );
}

function Related({ doc }: { doc: DocumentLedger }) {
  const fmt = useFormat();
  const t = useT();
  const related = [...doc.creditNotes, ...doc.surcharges];
  if (related.length === 0) return null;
  return (
    <section className="card invoice-section" aria-labelledby="related-title">
      <h2 id="related-title">{t('invoices.page.related')}</h2>
      <ul>
        {related.map((r) => (
          <li key={r.id}>
            <a href={href(`/factures/${r.id}`)}>{t(INVOICE_KIND_NAMES[r.kind].labelKey)} {r.number}</a> — {fmt.date(r.issueDate)} — {fmt.money(r.totals.totalCents)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The document's history with its payments, credit notes and surcharges: the client's audit entries about any of them. */
function History({ doc }: { doc: DocumentLedger }) {
  const fmt = useFormat();
  const t = useT();
  const say = useSay();
  const sayActor = useSayActor();
  const ids = new Set([doc.invoice.id, ...doc.payments.map((p) => p.id), ...doc.creditNotes.map((c) => c.id), ...doc.surcharges.map((c) => c.id)]);
  const entries = useAuditOfClient(doc.invoice.clientId)?.filter((e) => ids.has(e.recordId));
  return (
    <section className="card invoice-section" aria-labelledby="history-title">
      <h2 id="history-title">{t('invoices.page.history')}</h2>
      <ol className="invoice-history">
        {(entries ?? []).map((e) => {
          // Shown on the Paris clock whatever offset the writing laptop used.
          const { date, time } = fmt.parisMoment(e.at);
          return (
            <li key={e.seq}>
              <time dateTime={e.at}>{date} {time}</time> — {e.code ? say({ code: e.code, ...(e.params ? { params: e.params } : {}) }) : <span lang="fr">{e.summary}</span>} <span className="muted">({sayActor(e.actor)})</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
