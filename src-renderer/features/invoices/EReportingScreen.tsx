import { unreported, type MonthReport } from '../../../src-core';
import { parisMonth } from '../../components/today';
import { useEReportingMonths } from '../../data/invoicing';
import { useT, useFormat } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../components/router';

/**
 * #/factures/e-reporting — clients outside France are not e-invoiced but
 * e-reported: each month, what the central API reported to the platform and
 * what remains (a closed month is reported automatically; the current one
 * once it closes).
 */
export function EReportingScreen() {
  const t = useT();
  const months = useEReportingMonths();
  const current = parisMonth();
  if (!months) return <PageHeader title={t('ereporting.title')} subtitle={t('invoices.loading')} />;
  const shown = months.filter((m) => m.transactions.length > 0 || m.payments.length > 0);
  return (
    <>
      <PageHeader title={t('ereporting.title')} subtitle={t('ereporting.subtitle')} actions={<a className="button" href={href('/factures')}>{t('invoices.page.backToList')}</a>} />
      {shown.length === 0 ? (
        <div className="empty-state"><p>{t('ereporting.empty')}</p></div>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t('ereporting.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ereporting.col.month')}</th>
              <th scope="col" className="num">{t('ereporting.col.transactions')}</th>
              <th scope="col" className="num">{t('ereporting.col.payments')}</th>
              <th scope="col">{t('ereporting.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <MonthRow key={m.month} report={m} current={m.month === current} />
            ))}
          </tbody>
        </table>
      )}
      {shown.map((m) => <Remaining key={m.month} report={m} />)}
    </>
  );
}

function MonthRow({ report, current }: { report: MonthReport; current: boolean }) {
  const fmt = useFormat();
  const t = useT();
  const left = unreported(report);
  const remaining = left.transactions.length + left.payments.length;
  const total = report.transactions.reduce((sum, tr) => sum + tr.totalCents, 0);
  const paid = report.payments.reduce((sum, p) => sum + p.amountCents, 0);
  return (
    <tr>
      <th scope="row">{fmt.month(report.month)}</th>
      <td className="num">{t('ereporting.count', { count: report.transactions.length, amount: fmt.money(total) })}</td>
      <td className="num">{t('ereporting.count', { count: report.payments.length, amount: fmt.money(paid) })}</td>
      <td>
        {remaining === 0 ? (
          <span className="badge ok">{t('ereporting.done')}</span>
        ) : (
          <span className={`badge ${current ? '' : 'warning'}`.trim()}>{current ? t('ereporting.currentMonth', { count: remaining }) : t('ereporting.remaining', { count: remaining })}</span>
        )}
      </td>
    </tr>
  );
}

/** The items of a month not reported yet, so the account manager sees exactly what remains. */
function Remaining({ report }: { report: MonthReport }) {
  const fmt = useFormat();
  const t = useT();
  const left = unreported(report);
  if (left.transactions.length + left.payments.length === 0) return null;
  return (
    <section className="card invoice-section" aria-label={t('ereporting.remainingOf', { month: fmt.month(report.month) })}>
      <h2>{t('ereporting.remainingOf', { month: fmt.month(report.month) })}</h2>
      <ul>
        {left.transactions.map((tr) => (
          <li key={tr.invoiceId}>
            <a href={href(`/factures/${tr.invoiceId}`)}>{tr.number}</a> — {fmt.date(tr.issueDate)} — {tr.buyerName} ({tr.buyerCountry}) — {fmt.money(tr.totalCents)}
          </li>
        ))}
        {left.payments.map((p) => (
          <li key={p.paymentId}>
            {t('ereporting.paymentItem', { date: fmt.date(p.date), amount: fmt.money(p.amountCents) })} <a href={href(`/factures/${p.invoiceId}`)}>{p.number}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
