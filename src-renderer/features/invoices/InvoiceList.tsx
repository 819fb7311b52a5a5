import { useState } from 'react';
import { INVOICE_KIND_NAMES } from '../../../src-core';
import { parisMonth } from '../../components/today';
import { TextField, SelectField } from '../../components/FormField';
import { useClients, useDataLayer } from '../../data';
import { PLATFORM_WINDOW_MONTHS, printableMonth, useLedger, usePlatformLedger, type DocumentStatus, type LedgerRow } from '../../data/invoicing';
import { useSayError, useT, useFormat } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href, navigate, useLocation } from '../../components/router';
import { documentTitle } from './labels';
import { MonthPicker } from './MonthPicker';
import { exportMonthAsFiles, exportMonthAsOnePdf } from './output';
import { StatusBadge, STATUS_ORDER, statusLabel } from './StatusBadge';
import { PLATFORM_FILTERS, PlatformBadge, platformStatusLabel } from './PlatformStatus';
import type { PlatformStatus } from '../../../src-core';

/** Rows drawn at once; a month of a large portfolio is narrowed with the filters. */
const MAX_ROWS = 300;

/**
 * #/factures?mois=2026-11&statut=overdue&client=martin&numero=F-2026 — one
 * month's documents, filtered by status and client, searched by number. The
 * filters live in the address, so a filtered list can be linked and reloaded.
 */
export function InvoiceList() {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const { ctx } = useDataLayer();
  const { query } = useLocation();
  const month = query.get('mois') ?? parisMonth();
  const status = (query.get('statut') ?? '') as DocumentStatus | '';
  const clientText = query.get('client') ?? '';
  const numberText = query.get('numero') ?? '';
  const platform = (PLATFORM_FILTERS as readonly string[]).includes(query.get('plateforme') ?? '') ? (query.get('plateforme') as PlatformStatus | 'sent') : '';
  const setFilter = (key: string, value: string) => navigate('/factures', { mois: month, statut: status, client: clientText, numero: numberText, plateforme: platform, [key]: value });

  // A number search looks in every month: the number, not the month, is what the person has in hand.
  // A platform status looks in the last months: the platform answers within days.
  const monthRows = useLedger(numberText || platform ? {} : { period: month });
  const platformRows = usePlatformLedger(platform);
  const rows = platform ? platformRows : monthRows;
  const clients = useClients();
  const names = new Map((clients ?? []).map((c) => [c.id, c.legalName]));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const needle = clientText.trim().toLocaleLowerCase('fr');
  const number = numberText.trim().toUpperCase();
  const shown = (rows ?? []).filter(
    (r) =>
      (!status || r.status === status) &&
      (!needle || (names.get(r.invoice.clientId) ?? '').toLocaleLowerCase('fr').includes(needle)) &&
      (!number || (r.invoice.number ?? '').includes(number)),
  );

  const exportMonth = async (how: 'one' | 'files') => {
    setBusy(true);
    setMessage(null);
    try {
      const batch = await printableMonth(ctx, month);
      if (batch.documents.length === 0) {
        setMessage({ tone: 'error', text: t('invoices.export.none', { month: fmt.month(month) }) });
        return;
      }
      const result = how === 'one' ? await exportMonthAsOnePdf(batch, month) : await exportMonthAsFiles(batch, month);
      if (result.saved) setMessage({ tone: 'success', text: t('invoices.export.done', { count: batch.documents.length }) });
    } catch (e) {
      setMessage({ tone: 'error', text: sayError(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('nav.invoices')}
        subtitle={numberText ? t('invoices.list.searchAll') : platform ? t('platform.filterNote', { months: PLATFORM_WINDOW_MONTHS }) : fmt.month(month)}
        actions={
          <>
            <a className="button primary" href={href('/factures/facturation', { mois: month })}>{t('invoices.run.open')}</a>
            <a className="button" href={href('/factures/impayes')}>{t('invoices.overdue.open')}</a>
            <a className="button" href={href('/factures/e-reporting')}>{t('ereporting.open')}</a>
          </>
        }
      />
      <form className="invoice-filters" role="search" aria-label={t('invoices.list.filters')} onSubmit={(e) => e.preventDefault()}>
        <MonthPicker label={t('invoices.list.month')} value={month} onChange={(m) => setFilter('mois', m)} />
        <SelectField label={t('invoices.list.status')} value={status} onChange={(e) => setFilter('statut', e.target.value)}>
          <option value="">{t('invoices.list.allStatuses')}</option>
          {STATUS_ORDER.map((s) => <option key={s} value={s}>{statusLabel(t, s)}</option>)}
        </SelectField>
        <SelectField label={t('platform.filter')} value={platform} onChange={(e) => setFilter('plateforme', e.target.value)}>
          <option value="">{t('platform.filterAll')}</option>
          {PLATFORM_FILTERS.map((s) => <option key={s} value={s}>{platformStatusLabel(t, s)}</option>)}
        </SelectField>
        <TextField label={t('invoices.list.client')} type="search" value={clientText} onChange={(e) => setFilter('client', e.target.value)} />
        <TextField label={t('invoices.list.number')} type="search" value={numberText} placeholder="F-2026-" onChange={(e) => setFilter('numero', e.target.value)} />
      </form>
      <div className="invoice-toolbar">
        <button type="button" className="button" disabled={busy} onClick={() => void exportMonth('one')}>{t('invoices.export.one')}</button>
        <button type="button" className="button" disabled={busy} onClick={() => void exportMonth('files')}>{t('invoices.export.files')}</button>
      </div>
      {message ? <p className={`alert ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
      {rows === undefined ? (
        <p role="status">{t('invoices.loading')}</p>
      ) : shown.length === 0 ? (
        <div className="empty-state">
          <p>{t('invoices.list.empty')}</p>
          <a href={href('/factures/facturation', { mois: month })}>{t('invoices.run.open')}</a>
        </div>
      ) : (
        <InvoiceTable rows={shown.slice(0, MAX_ROWS)} names={names} caption={t('invoices.list.caption', { count: shown.length })} />
      )}
      {shown.length > MAX_ROWS ? <p className="muted">{t('invoices.list.truncated', { shown: MAX_ROWS, count: shown.length })}</p> : null}
    </>
  );
}

/** The documents table, also used on the client page. */
export function InvoiceTable({ rows, names, caption }: { rows: readonly LedgerRow[]; names?: ReadonlyMap<string, string>; caption: string }) {
  const fmt = useFormat();
  const t = useT();
  const draft = t('invoices.status.draft');
  return (
    <table className="data invoices-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('invoices.col.number')}</th>
          {names ? <th scope="col">{t('invoices.col.client')}</th> : null}
          <th scope="col">{t('invoices.col.kind')}</th>
          <th scope="col">{t('invoices.col.date')}</th>
          <th scope="col">{t('invoices.col.due')}</th>
          <th scope="col" className="num">{t('invoices.col.total')}</th>
          <th scope="col" className="num">{t('invoices.col.balance')}</th>
          <th scope="col">{t('invoices.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ invoice, settlement, status }) => (
          <tr key={invoice.id}>
            <td><a href={href(`/factures/${invoice.id}`)}>{documentTitle(invoice, draft, fmt)}</a></td>
            {names ? <td>{names.get(invoice.clientId) ?? invoice.buyer?.legalName ?? '—'}</td> : null}
            <td>{t(INVOICE_KIND_NAMES[invoice.kind].labelKey)}</td>
            <td>{fmt.date(invoice.issueDate)}</td>
            <td>{fmt.date(invoice.dueDate)}</td>
            <td className="num">{fmt.money(invoice.totals.totalCents)}</td>
            <td className="num">{settlement ? fmt.money(settlement.balanceCents) : '—'}</td>
            <td><StatusBadge status={status} /> <PlatformBadge invoice={invoice} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
