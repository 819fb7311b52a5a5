import { Suspense, useState } from 'react';
import { type ClientFile } from '../../../src-core';
import { useAuditOfClient, useClient, useContractsOfClient, useInvoices, useLetters, usePaymentsOfClient, usePriceLists, useUsageOfClient } from '../../data';
import { useT, useFormat, useSavedLocation } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../components/router';
import { useSlots } from '../../components/slots';
import { ClientHousekeeping } from './ClientHousekeeping';
import { ClientTimeline } from './ClientTimeline';
import { RecordNotFound } from './RecordNotFound';
import { ContractSection } from './ContractSection';
import { saveClientFile } from './client-export';

export function ClientPage({ clientId }: { clientId: string }) {
  const fmt = useFormat();
  const t = useT();
  const savedLocation = useSavedLocation();
  const { ClientInvoices, ClientLetters } = useSlots();
  const client = useClient(clientId);
  const contracts = useContractsOfClient(clientId);
  const usage = useUsageOfClient(clientId);
  const audit = useAuditOfClient(clientId);
  const invoices = useInvoices({ clientId });
  const payments = usePaymentsOfClient(clientId);
  const letters = useLetters({ clientId });
  const priceLists = usePriceLists();
  const [exportMessage, setExportMessage] = useState<string | null>(null);

  if (client === null) return <RecordNotFound title="clients.page.notFound" />;
  if (!client || !contracts || !priceLists) return <PageHeader title={t('clients.loading')} subtitle={<a href={href('/clients')}>{t('clients.page.backToList')}</a>} />;
  const file: ClientFile | null =
    usage && invoices && payments && letters ? { client, contracts, usage, invoices, payments, letters } : null;
  const exportAs = async (format: 'csv' | 'xml') => {
    if (!file) return;
    const result = await saveClientFile(format, file);
    setExportMessage(result.saved ? t('clients.page.exported', { location: savedLocation(result) }) : t('clients.page.exportCancelled'));
  };
  const usageOf = (contractId: string) => usage?.find((u) => u.contractId === contractId);
  const base = `/clients/${encodeURIComponent(client.id)}`;

  return (
    <>
      <PageHeader
        title={client.legalName}
        subtitle={<a href={href('/clients')}>{t('clients.page.backToList')}</a>}
        actions={
          <>
            <a className="button" href={href(`${base}/modifier`)}>{t('clients.page.edit')}</a>
            <a className="button" href={href(`${base}/contrats/nouveau`)}>{t('clients.page.newContract')}</a>
            <button type="button" className="button" disabled={!file} onClick={() => void exportAs('csv')}>{t('clients.page.exportCsv')}</button>
            <button type="button" className="button" disabled={!file} onClick={() => void exportAs('xml')}>{t('clients.page.exportXml')}</button>
          </>
        }
      />
      {exportMessage ? <p className="alert success" role="status">{exportMessage}</p> : null}
      <div className="client-grid">
        <section className="card" aria-labelledby="identity-title">
          <h2 id="identity-title">{t('clients.page.identity')}</h2>
          <dl className="facts">
            <dt>{t('clients.page.siren')}</dt>
            <dd>{client.siren ?? '—'}</dd>
            <dt>{t('clients.page.vat')}</dt>
            <dd>{client.vatNumber ?? t('clients.page.noVat')}</dd>
            <dt>{t('clients.page.country')}</dt>
            <dd>{client.country}</dd>
            <dt>{t('clients.page.address')}</dt>
            <dd>
              {client.billingAddress.lines.map((l) => <span key={l} className="line">{l}</span>)}
              <span className="line">{client.billingAddress.postalCode} {client.billingAddress.city}</span>
            </dd>
            <dt>{t('clients.page.mode')}</dt>
            <dd>{t(client.hostingMode === 'cloud' ? 'clients.mode.cloud' : 'clients.mode.self_hosted')}</dd>
            <dt>{t('clients.page.since')}</dt>
            <dd>{fmt.date(client.createdAt.slice(0, 10))}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="contact-title">
          <h2 id="contact-title">{t('clients.page.contact')}</h2>
          <dl className="facts">
            <dt>{t('clients.page.contactName')}</dt>
            <dd>{client.contact.name}</dd>
            <dt>{t('clients.page.email')}</dt>
            <dd><a href={`mailto:${client.contact.email}`}>{client.contact.email}</a></dd>
            <dt>{t('clients.page.phone')}</dt>
            <dd>{client.contact.phone}</dd>
          </dl>
          <h3>{t('clients.page.partner')}</h3>
          {client.partner ? (
            <dl className="facts">
              <dt>{t('clients.page.partnerName')}</dt>
              <dd>{client.partner.name}</dd>
              {client.partner.contactName ? (
                <>
                  <dt>{t('clients.page.contactName')}</dt>
                  <dd>{client.partner.contactName}</dd>
                </>
              ) : null}
              <dt>{t('clients.page.email')}</dt>
              <dd><a href={`mailto:${client.partner.email}`}>{client.partner.email}</a></dd>
            </dl>
          ) : (
            <p className="muted">{t('clients.page.noPartner')}</p>
          )}
          {client.partner ? <p className="hint">{t('clients.page.partnerNote')}</p> : null}
        </section>
      </div>
      {contracts.length === 0 ? <p className="empty-state">{t('clients.page.noContract')}</p> : null}
      {contracts.map((c) => (
        <ContractSection key={c.id} contract={c} usage={usageOf(c.id)} lists={priceLists} />
      ))}
      <Suspense fallback={null}>
        <ClientInvoices clientId={client.id} />
        <ClientLetters clientId={client.id} />
      </Suspense>
      <ClientTimeline contracts={contracts} audit={audit ?? []} />
      <ClientHousekeeping client={client} />
    </>
  );
}
