import { lazy } from 'react';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href, useLocation } from '../../components/router';
import { ClientList } from './ClientList';

// The list is in the first bundle; the client page (Recharts, invoices, letters)
// and the forms load on first visit, behind App's Suspense.
const ClientForm = lazy(() => import('./ClientForm').then((m) => ({ default: m.ClientForm })));
const ClientPage = lazy(() => import('./ClientPage').then((m) => ({ default: m.ClientPage })));
const ContractFormScreen = lazy(() => import('./ContractForm').then((m) => ({ default: m.ContractFormScreen })));
const TerminationNoticeScreen = lazy(() => import('./TerminationNoticeForm').then((m) => ({ default: m.TerminationNoticeScreen })));
const OverrunWorkList = lazy(() => import('./OverrunWorkList').then((m) => ({ default: m.OverrunWorkList })));
const UsageImportScreen = lazy(() => import('./UsageImportScreen').then((m) => ({ default: m.UsageImportScreen })));
const DeadlinesScreen = lazy(() => import('./DeadlinesScreen').then((m) => ({ default: m.DeadlinesScreen })));

/**
 * The Clients section's sub-routes:
 *   #/clients                                   list (filters in the query)
 *   #/clients/nouveau · #/clients/import        new client · usage CSV import
 *   #/clients/echeances                         every deadline of the next N days
 *   #/clients/depassements                      overrun work list (last measured month)
 *   #/clients/<id> · #/clients/<id>/modifier     client page · edit
 *   #/clients/<id>/contrats/nouveau             new contract
 *   #/clients/<id>/contrats/<cid>/modifier      edit a contract
 *   #/clients/<id>/contrats/<cid>/preavis       record a termination notice
 */
export function ClientsScreen() {
  const { segments } = useLocation();
  const [, first, second, third, fourth] = segments;
  if (!first) return <ClientList />;
  if (first === 'nouveau' && !second) return <ClientForm key="new" />;
  if (first === 'import' && !second) return <UsageImportScreen />;
  if (first === 'echeances' && !second) return <DeadlinesScreen />;
  if (first === 'depassements' && !second) return <OverrunWorkList />;
  if (!second) return <ClientPage key={first} clientId={first} />;
  if (second === 'modifier' && !third) return <ClientForm key={first} clientId={first} />;
  if (second === 'contrats' && third === 'nouveau' && !fourth) return <ContractFormScreen key={first} clientId={first} />;
  if (second === 'contrats' && third && fourth === 'modifier') return <ContractFormScreen key={third} clientId={first} contractId={third} />;
  if (second === 'contrats' && third && fourth === 'preavis') return <TerminationNoticeScreen key={third} contractId={third} />;
  return <UnknownClientRoute />;
}

function UnknownClientRoute() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <a href={href('/clients')}>{t('clients.page.backToList')}</a>
    </>
  );
}
