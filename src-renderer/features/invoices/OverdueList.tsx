import { INVOICE_KIND_NAMES } from '../../../src-core';
import { useClients } from '../../data';
import { useOverdueLedger } from '../../data/invoicing';
import { useT, useFormat, useSay } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../components/router';
import { dunningLetterHref } from './dunning-letter';

/** #/factures/impayes — overdue documents, most days late first, with the dunning step due and whether a surcharge was made. */
export function OverdueList() {
  const fmt = useFormat();
  const say = useSay();
  const t = useT();
  const rows = useOverdueLedger();
  const clients = useClients();
  const names = new Map((clients ?? []).map((c) => [c.id, c.legalName]));
  const total = (rows ?? []).reduce((s, r) => s + r.settlement.balanceCents, 0);
  return (
    <>
      <PageHeader
        title={t('invoices.overdue.title')}
        subtitle={rows ? t('invoices.overdue.subtitle', { count: rows.length, total: fmt.money(total) }) : t('invoices.loading')}
        actions={<a className="button" href={href('/factures')}>{t('invoices.run.backToList')}</a>}
      />
      {rows && rows.length === 0 ? <p className="empty-state">{t('invoices.overdue.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="data overdue-table">
          <caption className="visually-hidden">{t('invoices.overdue.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invoices.col.number')}</th>
              <th scope="col">{t('invoices.col.client')}</th>
              <th scope="col">{t('invoices.col.due')}</th>
              <th scope="col" className="num">{t('invoices.overdue.daysLate')}</th>
              <th scope="col" className="num">{t('invoices.col.balance')}</th>
              <th scope="col">{t('invoices.overdue.step')}</th>
              <th scope="col">{t('invoices.overdue.surcharge')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ invoice, settlement, dunning, surcharged }) => (
              <tr key={invoice.id}>
                <td><a href={href(`/factures/${invoice.id}`)}>{invoice.number}</a>{invoice.kind !== 'invoice' ? <span className="muted"> ({t(INVOICE_KIND_NAMES[invoice.kind].labelKey)})</span> : null}</td>
                <td>{names.get(invoice.clientId) ?? invoice.buyer?.legalName}</td>
                <td>{fmt.date(invoice.dueDate)}</td>
                <td className="num">{settlement.daysLate}</td>
                <td className="num">{fmt.money(settlement.balanceCents)}</td>
                <td>
                  {dunning ? (
                    <>
                      <strong>{t(`code.dunningStep.${dunning.step}`)}</strong> {t('invoices.dunning.dueSince', { date: fmt.date(dunning.value) })}
                      <div className="muted">{say(dunning)}</div>
                      {invoice.kind === 'invoice' ? <a href={dunningLetterHref(invoice, dunning.step)}>{t('invoices.dunning.write')}</a> : null}
                    </>
                  ) : (
                    <span className="muted">{t('invoices.overdue.noStepYet')}</span>
                  )}
                </td>
                <td>{invoice.kind === 'invoice' ? (surcharged ? t('invoices.overdue.surchargeMade') : t('invoices.overdue.surchargeDue')) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
