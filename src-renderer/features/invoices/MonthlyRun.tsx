import { useState } from 'react';

import { currentActor } from '../../components/actor';
import { useCommand } from '../../components/useCommand';
import { parisMonth } from '../../components/today';
import { useDataLayer } from '../../data';
import { createMonthlyDrafts, planMonthlyRun, useLedger, type MonthlyRunPlan, type RunProgress, type WriteProgress } from '../../data/invoicing';
import { useSayError, useFormat, useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href, navigate, useLocation } from '../../components/router';
import { MonthPicker } from './MonthPicker';
import { DeviceSeriesFallback, NextNumberNotice } from './NextNumberNotice';
import { CentralIssueError, issueInChosenSeries } from './issue-series';
import { useConnectedEngine } from '../../sync/session';
import { RunPreview } from './RunPreview';

type Step = { kind: 'idle' } | { kind: 'computing'; progress: RunProgress } | { kind: 'preview'; plan: MonthlyRunPlan } | { kind: 'writing'; progress: WriteProgress };

/**
 * #/factures/facturation?mois=2026-11 — the monthly run: compute the preview
 * (with progress), create the drafts, then issue them. Each step says what it
 * will do before doing it; running it again only adds what is missing.
 */
export function MonthlyRun() {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const { ctx } = useDataLayer();
  const month = useLocation().query.get('mois') ?? parisMonth();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  // `fallback`: the central API could not be reached and nothing was sent: the laptop's series is offered.
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string; fallback?: boolean } | null>(null);
  const engine = useConnectedEngine();
  const drafts = useLedger({ period: month })?.flatMap((r) => (r.status === 'draft' ? [r.invoice] : []));
  // Writing a month is one command at a time: a second click while it runs does nothing
  // (and the writes themselves are idempotent per contract and month, and per draft).
  const command = useCommand();

  const run = async <T,>(work: () => Promise<T>, done: (result: T) => string) => {
    setMessage(null);
    try {
      setMessage({ tone: 'success', text: done(await work()) });
    } catch (e) {
      setMessage({ tone: 'error', text: sayError(e), fallback: e instanceof CentralIssueError && e.fallback });
    }
  };

  const compute = () =>
    run(
      async () => {
        setStep({ kind: 'computing', progress: { done: 0, total: 0 } });
        const plan = await planMonthlyRun(ctx, month, { onProgress: (progress) => setStep({ kind: 'computing', progress }) });
        setStep({ kind: 'preview', plan });
        return plan;
      },
      (plan) => t('invoices.run.computed', { count: plan.items.length, already: plan.alreadyInvoiced }),
    ).finally(() => setStep((s) => (s.kind === 'computing' ? { kind: 'idle' } : s)));

  const create = (plan: MonthlyRunPlan) =>
    void command.run(() => run(
      async () => {
        setStep({ kind: 'writing', progress: { written: 0, total: plan.items.length } });
        return createMonthlyDrafts(ctx, plan, currentActor(), { onProgress: (progress) => setStep({ kind: 'writing', progress }) });
      },
      (r) => t('invoices.run.created', { created: r.created, skipped: r.skipped }),
    ).finally(() => setStep({ kind: 'idle' })));

  /** Issues the month's drafts in the series the notice shows (issue-series); `deviceOnly` after the central API could not be reached. */
  const issueAll = (deviceOnly = false) => {
    const ids = (drafts ?? []).map((d) => d.id);
    if (command.busy || !window.confirm(t('invoices.run.issueConfirm', { count: ids.length, month: fmt.month(month) }))) return;
    void command.run((commandId) => run(
      async () => {
        setStep({ kind: 'writing', progress: { written: 0, total: ids.length } });
        const { issued } = await issueInChosenSeries(ctx, engine, ids, commandId, { deviceOnly, onProgress: (progress) => setStep({ kind: 'writing', progress }) });
        return [...issued].sort((a, b) => (a.number ?? '').localeCompare(b.number ?? ''));
      },
      (issued) => t('invoices.run.issued', { count: issued.length, first: issued[0]?.number ?? '', last: issued.at(-1)?.number ?? '' }),
    ).finally(() => setStep({ kind: 'idle' })));
  };
  const busy = step.kind === 'computing' || step.kind === 'writing' || command.busy;

  // Sums of each draft's own totals: the VAT of an invoice is rounded per invoice, not over the month.
  const draftTotals = (drafts ?? []).reduce((sum, d) => ({ netCents: sum.netCents + d.totals.netCents, totalCents: sum.totalCents + d.totals.totalCents }), { netCents: 0, totalCents: 0 });

  return (
    <>
      <PageHeader
        title={t('invoices.run.title')}
        subtitle={fmt.month(month)}
        actions={<a className="button" href={href('/factures', { mois: month })}>{t('invoices.run.backToList')}</a>}
      />
      <div className="card run-controls">
        <MonthPicker label={t('invoices.run.month')} value={month} onChange={(m) => { setStep({ kind: 'idle' }); navigate('/factures/facturation', { mois: m }); }} />
        <button type="button" className="button primary" disabled={busy} onClick={() => void compute()}>
          {t('invoices.run.compute')}
        </button>
      </div>
      {step.kind === 'computing' ? (
        <div className="run-progress" role="status">
          <label>
            {t('invoices.run.progress', { done: step.progress.done, total: step.progress.total })}
            <progress max={Math.max(1, step.progress.total)} value={step.progress.done} />
          </label>
        </div>
      ) : null}
      {step.kind === 'writing' ? (
        <div className="run-progress" role="status">
          <label>
            {t('invoices.run.writing')} {fmt.number(step.progress.written)} / {fmt.number(step.progress.total)}
            <progress max={Math.max(1, step.progress.total)} value={step.progress.written} />
          </label>
        </div>
      ) : null}
      {message ? <p className={`alert ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
      {message?.fallback && drafts && drafts.length > 0 ? <DeviceSeriesFallback kind="invoice" busy={busy} onIssue={() => issueAll(true)} /> : null}
      {step.kind === 'preview' ? <RunPreview plan={step.plan} busy={busy} onCreate={() => create(step.plan)} /> : null}
      {drafts && drafts.length > 0 ? (
        <section className="card run-issue" aria-labelledby="run-drafts">
          <h2 id="run-drafts">{t('invoices.run.draftsTitle', { count: drafts.length })}</h2>
          <p>{t('invoices.run.draftsBody', { total: fmt.money(draftTotals.totalCents), net: fmt.money(draftTotals.netCents) })}</p>
          <NextNumberNotice kind="invoice" choosable />
          <div className="invoice-toolbar">
            <button type="button" className="button primary" disabled={busy} onClick={() => issueAll()}>{t('invoices.run.issue', { count: drafts.length })}</button>
            <a className="button" href={href('/factures', { mois: month, statut: 'draft' })}>{t('invoices.run.seeDrafts')}</a>
          </div>
        </section>
      ) : null}
    </>
  );
}
