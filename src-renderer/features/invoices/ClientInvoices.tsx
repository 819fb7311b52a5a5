
import { useLedger } from '../../data/invoicing';
import { useT, useFormat } from '../../i18n';
import { href } from '../../components/router';
import { InvoiceTable } from './InvoiceList';
/**
 * A client's documents and balance, for the client page (mounted by the
 * Clients screen): what is still owed, what is overdue, and every document.
 */
export function ClientInvoices({ clientId }: { clientId: string }) {
  const fmt = useFormat();
  const t = useT();
  const rows = useLedger({ clientId });
  if (!rows) return <p role="status">{t('invoices.loading')}</p>;
  const owed = rows.reduce((s, r) => s + Math.max(0, r.settlement?.balanceCents ?? 0), 0);
  const overdue = rows.reduce((s, r) => s + (r.status === 'overdue' ? (r.settlement?.balanceCents ?? 0) : 0), 0);
  const newestFirst = [...rows].reverse();
  return (
    <section className="card client-invoices" aria-labelledby="client-invoices-title">
      <h2 id="client-invoices-title">{t('invoices.client.title')}</h2>
      <dl className="facts">
        <dt>{t('invoices.client.owed')}</dt><dd data-testid="client-balance"><strong>{fmt.money(owed)}</strong></dd>
        <dt>{t('invoices.client.overdue')}</dt><dd>{overdue > 0 ? <span className="badge danger">{fmt.money(overdue)}</span> : fmt.money(0)}</dd>
      </dl>
      {rows.length === 0 ? <p className="muted">{t('invoices.client.none')}</p> : <InvoiceTable rows={newestFirst} caption={t('invoices.client.title')} />}
      <p><a href={href('/factures/impayes')}>{t('invoices.overdue.open')}</a></p>
    </section>
  );
}
